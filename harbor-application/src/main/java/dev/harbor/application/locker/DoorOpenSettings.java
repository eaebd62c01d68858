package dev.harbor.application.locker;

import java.time.Duration;
import java.util.Objects;

/**
 * The door-open policy's numbers (local-api.md): at most {@code attemptTimeout} per attempt, at
 * most {@code maxAttempts} attempts, {@code delay} between them.
 */
public record DoorOpenSettings(Duration attemptTimeout, int maxAttempts, Duration delay) {

    public static final int MAX_ATTEMPTS_LIMIT = 10;
    public static final DoorOpenSettings DEFAULTS =
            new DoorOpenSettings(Duration.ofSeconds(20), 3, Duration.ofSeconds(1));

    public DoorOpenSettings {
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(delay, "delay");
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeoutMs must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts must be 1-" + MAX_ATTEMPTS_LIMIT);
        }
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delayMs must be positive");
        }
    }
}
