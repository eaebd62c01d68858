package dev.harbor.application.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys that let clients use the Local API (local-api.md, "Client keys"), each with a name the
 * audit trail shows instead of the key. {@link #NONE}: the Local API is open, as in the real product.
 *
 * <p>Only a SHA-256 digest of each key is kept, and a presented key is compared with every one of
 * them with {@link MessageDigest#isEqual}, so neither the time taken nor an early exit tells a
 * caller how close a guess came. Nothing here ever prints a key.
 */
public final class ClientKeys {

    /** Shorter keys are refused: a key is the only thing between a LAN and every door. */
    public static final int MIN_LENGTH = 16;

    /** No keys: the Local API is open. */
    public static final ClientKeys NONE = new ClientKeys(List.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** What a Bearer token may hold (RFC 6750's token68 and a little more), without spaces or commas. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x2B\\x2D-\\x7E]+");

    private final List<Entry> entries;

    private ClientKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * One client's key and the name it is known by.
     *
     * @param name 1-64 characters of {@code A-Z a-z 0-9 . _ -}
     * @param key  at least {@value ClientKeys#MIN_LENGTH} printable ASCII characters, no space or comma
     */
    public record NamedKey(String name, String key) {
        public NamedKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a client key's name must be 1-64 characters of A-Z a-z 0-9 . _ -");
            }
            if (key.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(
                        "the client key named " + name + " is shorter than " + MIN_LENGTH + " characters");
            }
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("the client key named " + name
                        + " may hold only printable ASCII characters, without spaces or commas");
            }
        }

        /** Never the key. */
        @Override
        public String toString() {
            return "NamedKey[name=" + name + ", key=****]";
        }
    }

    private record Entry(String name, byte[] digest) {}

    /**
     * @throws IllegalArgumentException when a name or a key appears twice (naming neither key)
     */
    public static ClientKeys of(List<NamedKey> keys) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (NamedKey key : keys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("two client keys are named " + key.name());
            }
            byte[] digest = digest(key.key());
            for (Entry earlier : entries) {
                if (MessageDigest.isEqual(earlier.digest(), digest)) {
                    throw new IllegalArgumentException("the client keys named " + earlier.name() + " and " + key.name()
                            + " are the same key: the audit trail could not tell them apart");
                }
            }
            entries.add(new Entry(key.name(), digest));
        }
        return entries.isEmpty() ? NONE : new ClientKeys(List.copyOf(entries));
    }

    /** Whether the Local API asks for a key. */
    public boolean required() {
        return !entries.isEmpty();
    }

    /** The names of the keys, in the order given. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /** The name of the key {@code presented} is, compared with every key in constant time. */
    public Optional<String> nameOf(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        String found = null;
        for (Entry entry : entries) {
            // No early exit: every key is compared whatever matched.
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.name();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The names only. */
    @Override
    public String toString() {
        return required() ? "ClientKeys" + names() : "ClientKeys[none]";
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
