package dev.harbor.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON answer already serialized, with its strong entity tag.
 *
 * <p>The tag is a digest of the bytes, not a counter: the same bytes get the same tag after a
 * restart, and different bytes never share one, whichever run produced them. 128 bits of SHA-256
 * put an accidental clash (a client told its old answer is current) out of reach.
 *
 * <p>Its gzip coding is another representation, so it has its own tag (RFC 9110 §8.8.3: a strong
 * tag names one sequence of bytes); it is made once, on the first request that wants it.
 */
public final class TaggedJson {

    private final byte[] body;
    private final String etag;
    private volatile TaggedJson gzipped;

    private TaggedJson(byte[] body, String etag) {
        this.body = body;
        this.etag = etag;
    }

    public static TaggedJson of(byte[] body) {
        return new TaggedJson(Objects.requireNonNull(body, "body"), '"' + digestOf(body) + '"');
    }

    /** The bytes; not to be changed. */
    public byte[] body() {
        return body;
    }

    /** The {@code ETag} header's value, quotes included ({@code "…"}). */
    public String etag() {
        return etag;
    }

    /** The same answer gzip-coded, under its own tag. */
    public TaggedJson gzipped() {
        TaggedJson coded = gzipped;
        if (coded == null) {
            // Two requests racing here both compress; either result is the same answer.
            coded = new TaggedJson(gzip(body), etag.substring(0, etag.length() - 1) + "-gzip\"");
            gzipped = coded;
        }
        return coded;
    }

    private static String digestOf(byte[] body) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
