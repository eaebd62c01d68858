package dev.harbor.domain.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How long without a heartbeat makes a device {@code UNHEALTHY}, {@code DEAD} and {@code LONG_DEAD}.
 * All positive and strictly increasing.
 */
public record HeartbeatThresholds(Duration unhealthyAfter, Duration deadAfter, Duration longDeadAfter) {

    /** The seed's values: 15 s, 30 s, 2 h. */
    public static final HeartbeatThresholds DEFAULTS =
            new HeartbeatThresholds(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofHours(2));

    public HeartbeatThresholds {
        Objects.requireNonNull(unhealthyAfter, "unhealthyAfter");
        Objects.requireNonNull(deadAfter, "deadAfter");
        Objects.requireNonNull(longDeadAfter, "longDeadAfter");
        if (unhealthyAfter.isNegative() || unhealthyAfter.isZero()) {
            throw new IllegalArgumentException("unhealthyAfter must be positive, was " + unhealthyAfter);
        }
        if (deadAfter.compareTo(unhealthyAfter) <= 0) {
            throw new IllegalArgumentException(
                    "deadAfter (" + deadAfter + ") must be longer than unhealthyAfter (" + unhealthyAfter + ")");
        }
        if (longDeadAfter.compareTo(deadAfter) <= 0) {
            throw new IllegalArgumentException(
                    "longDeadAfter (" + longDeadAfter + ") must be longer than deadAfter (" + deadAfter + ")");
        }
    }
}
