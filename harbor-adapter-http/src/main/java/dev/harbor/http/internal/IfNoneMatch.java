package dev.harbor.http.internal;

import java.util.List;

/**
 * The {@code If-None-Match} precondition of a GET (RFC 9110 §13.1.2): whether the client already
 * holds the current representation, so a {@code 304 Not Modified} can stand in for it.
 *
 * <p>{@code *} or any listed tag equal to the current one by the weak comparison (a {@code W/}
 * prefix is ignored) matches. The header may come as several fields; their lists are joined. A
 * value that breaks the grammar matches nothing: the full answer is never wrong, a 304 for a
 * misread header could be.
 */
public final class IfNoneMatch {

    private IfNoneMatch() {}

    /**
     * @param fields  every {@code If-None-Match} field of the request, in order (none: no precondition)
     * @param current the current representation's tag, quotes included
     */
    public static boolean matches(List<String> fields, String current) {
        if (fields.isEmpty()) {
            return false;
        }
        String value = String.join(",", fields).strip();
        if (value.equals("*")) {
            return true;
        }
        String opaque = current.startsWith("W/") ? current.substring(2) : current;
        int i = 0;
        boolean matched = false;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = value.startsWith("W/", i) ? i + 2 : i;
            if (start >= value.length() || value.charAt(start) != '"') {
                return false;
            }
            int end = value.indexOf('"', start + 1);
            if (end < 0 || !opaqueCharacters(value, start + 1, end)) {
                return false;
            }
            matched |= value.substring(start, end + 1).equals(opaque);
            i = end + 1;
            if (i < value.length() && value.charAt(i) != ',' && value.charAt(i) != ' ' && value.charAt(i) != '\t') {
                return false;
            }
        }
        return matched;
    }

    /** {@code etagc}: %x21 / %x23-7E / obs-text; no control characters, spaces or quotes. */
    private static boolean opaqueCharacters(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
