package dev.harbor.domain.health;

import dev.harbor.domain.rule.InvalidValueException;
import dev.harbor.domain.rule.PositiveDuration;
import java.time.Duration;
import java.util.Objects;

/**
 * How long without a heartbeat makes a device {@code UNHEALTHY}, {@code DEAD} and {@code LONG_DEAD}.
 * All positive, at most {@link #MAX} (30 days), and strictly increasing. A refusal names the field
 * as {@code PATCH /system} spells it ({@code heartbeat.deadAfterMs}; {@code heartbeat} when the
 * order between them is wrong).
 */
public record HeartbeatThresholds(Duration unhealthyAfter, Duration deadAfter, Duration longDeadAfter) {

    /** The longest any threshold may be: a device silent for a month is long dead by any measure. */
    public static final Duration MAX = Duration.ofDays(30);

    /** The seed's values: 15 s, 30 s, 2 h. */
    public static final HeartbeatThresholds DEFAULTS =
            new HeartbeatThresholds(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofHours(2));

    public HeartbeatThresholds {
        Objects.requireNonNull(unhealthyAfter, "unhealthyAfter");
        Objects.requireNonNull(deadAfter, "deadAfter");
        Objects.requireNonNull(longDeadAfter, "longDeadAfter");
        PositiveDuration.require("heartbeat.unhealthyAfterMs", unhealthyAfter, MAX);
        PositiveDuration.require("heartbeat.deadAfterMs", deadAfter, MAX);
        PositiveDuration.require("heartbeat.longDeadAfterMs", longDeadAfter, MAX);
        if (deadAfter.compareTo(unhealthyAfter) <= 0) {
            throw new InvalidValueException(
                    "heartbeat",
                    "heartbeat.deadAfterMs (" + deadAfter.toMillis()
                            + ") must be greater than heartbeat.unhealthyAfterMs (" + unhealthyAfter.toMillis() + ")");
        }
        if (longDeadAfter.compareTo(deadAfter) <= 0) {
            throw new InvalidValueException(
                    "heartbeat",
                    "heartbeat.longDeadAfterMs (" + longDeadAfter.toMillis()
                            + ") must be greater than heartbeat.deadAfterMs (" + deadAfter.toMillis() + ")");
        }
    }
}
