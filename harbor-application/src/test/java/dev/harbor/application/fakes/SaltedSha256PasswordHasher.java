package dev.harbor.application.fakes;

import dev.harbor.application.port.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A fast salted hash for tests only: production uses the bcrypt adapter. It still never stores
 * the password itself, so tests can check that nothing at rest contains it.
 */
public final class SaltedSha256PasswordHasher implements PasswordHasher {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return "test-sha256$" + HexFormat.of().formatHex(salt) + "$"
                + HexFormat.of().formatHex(digest(salt, password));
    }

    @Override
    public boolean verify(String password, String hash) {
        String[] parts = hash.split("\\$");
        if (parts.length != 3 || !parts[0].equals("test-sha256")) {
            return false;
        }
        try {
            byte[] salt = HexFormat.of().parseHex(parts[1]);
            return MessageDigest.isEqual(HexFormat.of().parseHex(parts[2]), digest(salt, password));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
