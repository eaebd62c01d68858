package dev.harbor.domain.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's health at one moment.
 *
 * @param health    the classification
 * @param deadSince the moment it became {@code DEAD}: {@code null} while {@code HEALTHY} or
 *                  {@code UNHEALTHY}; set when {@code DEAD}; for {@code LONG_DEAD}, {@code null}
 *                  only when the device was never heard from at all ({@link #NEVER_HEARD})
 */
public record HealthReading(Health health, Instant deadSince) {

    /** A device never heard from, with no moment to measure from. */
    public static final HealthReading NEVER_HEARD = new HealthReading(Health.LONG_DEAD, null);

    public HealthReading {
        Objects.requireNonNull(health, "health");
        boolean alive = health == Health.HEALTHY || health == Health.UNHEALTHY;
        if (alive && deadSince != null) {
            throw new IllegalArgumentException(health + " has no deadSince, got " + deadSince);
        }
        if (health == Health.DEAD && deadSince == null) {
            throw new IllegalArgumentException("DEAD needs deadSince");
        }
    }
}
