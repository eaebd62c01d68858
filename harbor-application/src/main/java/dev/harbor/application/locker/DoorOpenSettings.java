package dev.harbor.application.locker;

import dev.harbor.domain.rule.InvalidValueException;
import dev.harbor.domain.rule.PositiveDuration;
import java.time.Duration;
import java.util.Objects;

/**
 * The door-open policy's numbers (local-api.md): at most {@code attemptTimeout} per attempt, at
 * most {@code maxAttempts} attempts, {@code delay} between them. A refusal names the field as
 * {@code PATCH /system} spells it ({@code doorOpenPolicy.maxAttempts}).
 */
public record DoorOpenSettings(Duration attemptTimeout, int maxAttempts, Duration delay) {

    public static final int MAX_ATTEMPTS_LIMIT = 10;
    public static final DoorOpenSettings DEFAULTS =
            new DoorOpenSettings(Duration.ofSeconds(20), 3, Duration.ofSeconds(1));

    public DoorOpenSettings {
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(delay, "delay");
        PositiveDuration.require("doorOpenPolicy.attemptTimeoutMs", attemptTimeout);
        if (maxAttempts < 1) {
            throw new InvalidValueException(
                    "doorOpenPolicy.maxAttempts", "doorOpenPolicy.maxAttempts must be positive");
        }
        if (maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new InvalidValueException(
                    "doorOpenPolicy.maxAttempts", "maxAttempts must be 1-" + MAX_ATTEMPTS_LIMIT);
        }
        PositiveDuration.require("doorOpenPolicy.delayMs", delay);
    }
}
