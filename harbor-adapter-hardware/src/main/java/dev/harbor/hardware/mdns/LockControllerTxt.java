package dev.harbor.hardware.mdns;

import dev.harbor.application.port.ControllerDiscovery.Found;
import dev.harbor.domain.controller.Protocol;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a lock controller's announcement. What arrives by multicast is untrusted input: an entry
 * with an unknown protocol, a board address the protocol cannot have, or an impossible lock count
 * is dropped, never half-believed.
 */
final class LockControllerTxt {

    static final String PROTOCOL = "protocol";
    static final String BOARD_ADDRESS = "boardAddress";
    static final String LOCKS = "locks";

    private static final int MAX_NAME_LENGTH = 100;

    private LockControllerTxt() {}

    /** @return the controller, or a reason it was dropped */
    static Parsed parse(String name, String host, int port, Map<String, String> txt) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            return Parsed.dropped("bad instance name");
        }
        if (host == null || host.isBlank()) {
            return Parsed.dropped("no address");
        }
        if (port < 1 || port > 65535) {
            return Parsed.dropped("bad port " + port);
        }
        Optional<Protocol> protocol = Protocol.fromId(txt.get(PROTOCOL));
        if (protocol.isEmpty()) {
            return Parsed.dropped("unknown protocol");
        }
        Optional<Integer> boardAddress = integer(txt.get(BOARD_ADDRESS));
        if (boardAddress.isEmpty() || !protocol.get().acceptsAddress(boardAddress.get())) {
            return Parsed.dropped("bad boardAddress for " + protocol.get().id());
        }
        Optional<Integer> locks = integer(txt.get(LOCKS));
        if (locks.isEmpty() || locks.get() < 1 || locks.get() > protocol.get().maxLocks()) {
            return Parsed.dropped("bad locks for " + protocol.get().id());
        }
        return new Parsed(new Found(name, host, port, protocol.get().id(), boardAddress.get(), locks.get()), null);
    }

    record Parsed(Found found, String droppedBecause) {
        static Parsed dropped(String reason) {
            return new Parsed(null, reason);
        }
    }

    private static Optional<Integer> integer(String text) {
        if (text == null || text.isEmpty() || text.length() > 6) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
