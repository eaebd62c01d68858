package dev.harbor.domain.rfid;

import java.util.Locale;
import java.util.Optional;

/**
 * An RFID card id as Bikeep's allowlists take it: raw lowercase hexadecimal, no separators, an
 * even number of characters (whole bytes), 2 to 20 characters. Strict on purpose: an id typed
 * as {@code 04:A2:B3} is rejected with a message saying how to write it, never silently rewritten,
 * so the id stored is exactly the id the user confirmed.
 */
public record RfidCardId(String value) {

    private static final int MIN_LENGTH = 2;
    private static final int MAX_LENGTH = 20;
    private static final int MAX_ECHO = 40;

    public RfidCardId {
        problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** The card id written exactly as {@code text}; see the class comment for the rule. */
    public static RfidCardId parse(String text) {
        return new RfidCardId(text);
    }

    /** Why {@code text} is not a valid card id; empty when it is one. */
    public static Optional<String> problemWith(String text) {
        return Optional.ofNullable(problem(text));
    }

    private static String problem(String text) {
        if (text == null) {
            return "an RFID card id is required";
        }
        String shown = "'" + (text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text) + "'";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'F') {
                String lower = text.toLowerCase(Locale.ROOT);
                return "RFID card id " + shown + " must be lowercase hex"
                        + (problem(lower) == null ? ": write it as '" + lower + "'" : "");
            }
            if (c == ':' || c == '-' || c == ' ' || c == '.') {
                return "RFID card id " + shown + " must have no separators: found '" + c + "' at position " + (i + 1);
            }
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return "RFID card id " + shown + " must contain only hex digits 0-9 and a-f: found '" + c
                        + "' at position " + (i + 1);
            }
        }
        if (text.length() < MIN_LENGTH || text.length() > MAX_LENGTH) {
            return "RFID card id " + shown + " must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long, was "
                    + text.length();
        }
        if (text.length() % 2 != 0) {
            return "RFID card id " + shown + " must have an even length (whole bytes), was " + text.length();
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
