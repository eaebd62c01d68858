package dev.harbor.application.locker;

import dev.harbor.domain.rule.InvalidValueException;
import dev.harbor.domain.rule.PositiveDuration;
import java.time.Duration;
import java.util.Objects;

/**
 * The door-open policy's numbers (local-api.md): at most {@code attemptTimeout} per attempt, at
 * most {@code maxAttempts} attempts, {@code delay} between them. A refusal names the field as
 * {@code PATCH /system} spells it ({@code doorOpenPolicy.maxAttempts}).
 *
 * <p>Each number has an upper bound: an attempt of months overflowed the board's deadline and
 * failed every open, and even the largest allowed policy (10 attempts of 2 minutes, 1 minute
 * apart) keeps a caller waiting for half an hour at worst.
 */
public record DoorOpenSettings(Duration attemptTimeout, int maxAttempts, Duration delay) {

    public static final int MAX_ATTEMPTS_LIMIT = 10;
    public static final Duration MAX_ATTEMPT_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration MAX_DELAY = Duration.ofMinutes(1);
    public static final DoorOpenSettings DEFAULTS =
            new DoorOpenSettings(Duration.ofSeconds(20), 3, Duration.ofSeconds(1));

    public DoorOpenSettings {
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(delay, "delay");
        requireAttemptTimeout(attemptTimeout);
        requireMaxAttempts(maxAttempts);
        requireDelay(delay);
    }

    /** The rule for {@code attemptTimeout} alone: 1 ms to {@link #MAX_ATTEMPT_TIMEOUT}. */
    public static Duration requireAttemptTimeout(Duration attemptTimeout) {
        return PositiveDuration.require("doorOpenPolicy.attemptTimeoutMs", attemptTimeout, MAX_ATTEMPT_TIMEOUT);
    }

    /** The rule for {@code maxAttempts} alone: 1 to {@link #MAX_ATTEMPTS_LIMIT}. */
    public static int requireMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new InvalidValueException(
                    "doorOpenPolicy.maxAttempts", "doorOpenPolicy.maxAttempts must be positive");
        }
        if (maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new InvalidValueException(
                    "doorOpenPolicy.maxAttempts", "maxAttempts must be 1-" + MAX_ATTEMPTS_LIMIT);
        }
        return maxAttempts;
    }

    /** The rule for {@code delay} alone: 1 ms to {@link #MAX_DELAY}. */
    public static Duration requireDelay(Duration delay) {
        return PositiveDuration.require("doorOpenPolicy.delayMs", delay, MAX_DELAY);
    }
}
