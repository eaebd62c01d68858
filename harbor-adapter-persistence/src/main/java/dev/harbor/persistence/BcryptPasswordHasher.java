package dev.harbor.persistence;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.harbor.application.port.PasswordHasher;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (cost 12 by default) from a maintained library. bcrypt reads at most 72 bytes of a
 * password; longer ones are refused rather than silently cut.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    public static final int DEFAULT_COST = 12;
    private static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;

    public BcryptPasswordHasher() {
        this(DEFAULT_COST);
    }

    /** @param cost 4-31; each step doubles the work. Tests may use a low cost; production keeps the default. */
    public BcryptPasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4-31, was " + cost);
        }
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a password may be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean verify(String password, String hash) {
        if (password == null || hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
