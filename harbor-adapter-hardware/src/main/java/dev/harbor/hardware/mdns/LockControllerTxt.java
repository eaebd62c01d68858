package dev.harbor.hardware.mdns;

import dev.harbor.application.port.ControllerDiscovery.Found;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.rule.DisplayName;
import dev.harbor.domain.rule.InvalidValueException;
import java.util.Map;

/**
 * Reads a lock controller's announcement. What arrives by multicast is untrusted input: an entry
 * with an unknown protocol, a board address the protocol cannot have, or an impossible lock count
 * is dropped, never half-believed. The rules are the domain's, so a controller found here is one
 * the Admin API would accept.
 */
final class LockControllerTxt {

    static final String PROTOCOL = "protocol";
    static final String BOARD_ADDRESS = "boardAddress";
    static final String LOCKS = "locks";

    private LockControllerTxt() {}

    /** @return the controller, or a reason it was dropped */
    static Parsed parse(String name, String host, int port, Map<String, String> txt) {
        try {
            DisplayName.requireValid("name", name);
            if (host == null || host.isBlank()) {
                return Parsed.dropped("no address");
            }
            if (port < 1 || port > 65535) {
                return Parsed.dropped("bad port " + port);
            }
            Protocol protocol = Protocol.requireBoardId(txt.get(PROTOCOL));
            int boardAddress = protocol.requireAddress(integer(BOARD_ADDRESS, txt));
            int locks = protocol.requireLockCount(LOCKS, integer(LOCKS, txt));
            return new Parsed(new Found(name, host, port, protocol.id(), boardAddress, locks), null);
        } catch (InvalidValueException e) {
            return Parsed.dropped("bad " + e.field() + ": " + e.getMessage());
        }
    }

    record Parsed(Found found, String droppedBecause) {
        static Parsed dropped(String reason) {
            return new Parsed(null, reason);
        }
    }

    private static int integer(String field, Map<String, String> txt) {
        String text = txt.get(field);
        // A short cap: no valid value is longer, and parsing a flood of digits is not our job.
        if (text == null || text.isEmpty() || text.length() > 6) {
            throw new InvalidValueException(field, field + " is missing or not a number");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " is not a number");
        }
    }
}
