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
        return transport.busKey().equals(other.transport.busKey())
                && (boardAddress == other.boardAddress || protocol != other.protocol);
    }
}
