package dev.harbor.domain.rfid;

import java.util.Locale;
import java.util.Optional;

/**
 * An RFID card id as Bikeep's allowlists take it: raw lowercase hexadecimal, no separators, an
 * even number of characters (whole bytes), 2 to 20 characters.
 *
 * <p>{@link #parse} takes only that canonical spelling (what Bikeep sends back, what is stored).
 * {@link #typed} is for ids as people and card readers write them ({@code 04:A2:B3},
 * {@code 04-a2-b3}, {@code 04 A2 B3}): the separators {@code :}, {@code -} and spaces are dropped
 * and the letters lowercased (bikeep.md, "RFID allowlists"); what is left must then be a card id.
 * Nothing else is rewritten: a dot, an {@code 0x} prefix or an odd length is still refused.
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

    /**
     * The card id written as a person or a reader wrote it: separators {@code :}, {@code -} and
     * spaces dropped, letters lowercased, then the canonical rule applies.
     *
     * @throws IllegalArgumentException naming the normalized id and what is wrong with it
     */
    public static RfidCardId typed(String text) {
        return new RfidCardId(normalize(text));
    }

    /** {@code text} with the separators {@code :}, {@code -} and spaces dropped and lowercased; null stays null. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder normalized = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ':' && c != '-' && c != ' ') {
                normalized.append(c);
            }
        }
        return normalized.toString().toLowerCase(Locale.ROOT);
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
