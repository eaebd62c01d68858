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
        if (!protocol.acceptsAddress(boardAddress)) {
            throw new IllegalArgumentException("board address " + boardAddress + " is out of range "
                    + protocol.minAddress() + "-" + protocol.maxAddress() + " for " + protocol.id());
        }
    }

    /** Two controllers clash when they would answer on the same bus at the same address. */
    public boolean clashesWith(BoardEndpoint other) {
        return transport.busKey().equals(other.transport.busKey()) && boardAddress == other.boardAddress;
    }
}
