package dev.harbor.application.port;

/**
 * A slow, salted password hash from a well-kept library (bcrypt). The hash string carries its own
 * salt and cost, so {@link #verify} needs nothing else.
 */
public interface PasswordHasher {

    String hash(String password);

    /** Whether {@code password} matches {@code hash}; {@code false} for a malformed hash. */
    boolean verify(String password, String hash);
}
