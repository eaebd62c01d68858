package dev.harbor.application.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers of admin authentication. A session lives {@code sessionTtl} after its last use,
 * and never longer than {@code sessionMaxLifetime} after login. {@code maxFailures} failed
 * logins from one client within {@code failureWindow} lock that client out for {@code lockout};
 * each further lockout doubles, up to {@code maxLockout}.
 */
public record AuthSettings(
        Duration sessionTtl,
        Duration sessionMaxLifetime,
        int maxFailures,
        Duration failureWindow,
        Duration lockout,
        Duration maxLockout,
        int minPasswordLength) {

    public static final AuthSettings DEFAULTS = new AuthSettings(
            Duration.ofHours(8),
            Duration.ofHours(24),
            5,
            Duration.ofMinutes(15),
            Duration.ofMinutes(5),
            Duration.ofHours(1),
            12);

    public AuthSettings {
        positive(sessionTtl, "sessionTtl");
        positive(sessionMaxLifetime, "sessionMaxLifetime");
        positive(failureWindow, "failureWindow");
        positive(lockout, "lockout");
        positive(maxLockout, "maxLockout");
        if (sessionMaxLifetime.compareTo(sessionTtl) < 0) {
            throw new IllegalArgumentException("sessionMaxLifetime must be at least sessionTtl");
        }
        if (maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("maxLockout must be at least lockout");
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (minPasswordLength < 8) {
            throw new IllegalArgumentException("minPasswordLength must be at least 8");
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
