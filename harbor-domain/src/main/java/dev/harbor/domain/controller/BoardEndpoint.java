package dev.harbor.domain.controller;

import java.util.Objects;

/**
 * Everything a driver needs to talk to one board: protocol, transport, address and settings.
 * Replacing a failed board changes the endpoint and nothing else of the controller.
 */
public record BoardEndpoint(Protocol protocol, Transport transport, int boardAddress, ProtocolOptions options) {
    public BoardEndpoint {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(options, "options");
        protocol.requireAddress(boardAddress);
    }

    /**
     * Two boards on one bus clash when they would answer at the same address, or when they speak
     * different protocols: one line carries one protocol, or every reply would be garbage to the other.
     */
    public boolean clashesWith(BoardEndpoint other) {
        if (hasUnnamedBus() || other.hasUnnamedBus()) {
            return false; // a bus of its own, not named yet: nothing else is on it
        }
        return transport.busKey().equals(other.transport.busKey())
                && (boardAddress == other.boardAddress || protocol != other.protocol);
    }

    /** Whether this is a simulated board asking for a bus of its own that is not named yet. */
    public boolean hasUnnamedBus() {
        return transport instanceof Transport.Simulated simulated && simulated.isUnnamed();
    }

    /**
     * Whether a board stored at this endpoint is the one {@code wanted} describes: the same
     * endpoint, or, when {@code wanted} asks for a simulated bus of its own, a simulated board with
     * the same protocol, address and options on the bus that was named for it.
     */
    public boolean satisfies(BoardEndpoint wanted) {
        if (equals(wanted)) {
            return true;
        }
        return wanted.hasUnnamedBus()
                && transport instanceof Transport.Simulated
                && protocol == wanted.protocol
                && boardAddress == wanted.boardAddress
                && options.equals(wanted.options);
    }

    /** This endpoint with {@code transport} instead of its own. */
    public BoardEndpoint withTransport(Transport transport) {
        return new BoardEndpoint(protocol, transport, boardAddress, options);
    }
}
