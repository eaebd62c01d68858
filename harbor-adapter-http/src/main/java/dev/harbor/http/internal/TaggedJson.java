package dev.harbor.http.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A JSON answer already serialized, with its strong entity tag.
 *
 * <p>The tag is a digest of the bytes, not a counter: the same bytes get the same tag after a
 * restart, and different bytes never share one, whichever gateway or run produced them. 128 bits
 * of SHA-256 make an accidental clash (a client shown an old answer as current) out of reach.
 *
 * @param etag the header's value, quotes included ({@code "…"}, RFC 9110 §8.8.3)
 */
public record TaggedJson(byte[] body, String etag) {

    public static TaggedJson of(byte[] body) {
        return new TaggedJson(body, tagOf(body));
    }

    private static String tagOf(byte[] body) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
    }
}
