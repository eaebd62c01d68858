package dev.harbor.domain.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Classifies health from the time of the last heartbeat: the same rule for our controllers (a
 * poll answered is a heartbeat), devices beside the gateway and Bikeep devices. Each threshold
 * counts from the moment it is reached: silent for exactly 15 s is already {@code UNHEALTHY}.
 */
public final class HeartbeatClassifier {

    private final HeartbeatThresholds thresholds;

    public HeartbeatClassifier(HeartbeatThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * The health at {@code now} of a device last heard at {@code lastHeartbeat}; {@code null}
     * means never heard from, which is {@link HealthReading#NEVER_HEARD}. A heartbeat stamped
     * after {@code now} (clock skew) counts as just heard.
     */
    public HealthReading classify(Instant lastHeartbeat, Instant now) {
        Objects.requireNonNull(now, "now");
        if (lastHeartbeat == null) {
            return HealthReading.NEVER_HEARD;
        }
        Duration silence = Duration.between(lastHeartbeat, now);
        if (silence.compareTo(thresholds.unhealthyAfter()) < 0) {
            return new HealthReading(Health.HEALTHY, null);
        }
        if (silence.compareTo(thresholds.deadAfter()) < 0) {
            return new HealthReading(Health.UNHEALTHY, null);
        }
        Instant deadSince = lastHeartbeat.plus(thresholds.deadAfter());
        Health health = silence.compareTo(thresholds.longDeadAfter()) < 0 ? Health.DEAD : Health.LONG_DEAD;
        return new HealthReading(health, deadSince);
    }

    /**
     * As {@link #classify(Instant, Instant)}, but a device never heard from is measured from
     * {@code since} (when we started watching it, e.g. gateway start or registration) and is never
     * {@code HEALTHY}: {@code UNHEALTHY} until {@code deadAfter} has passed since {@code since},
     * then {@code DEAD} (with {@code deadSince} = {@code since} + {@code deadAfter}) and
     * {@code LONG_DEAD}, as a device last heard at {@code since} would be. Nothing heard yet is no
     * proof of life: a miswired board must not look healthy before it has answered once.
     */
    public HealthReading classify(Instant lastHeartbeat, Instant since, Instant now) {
        Objects.requireNonNull(since, "since");
        if (lastHeartbeat != null) {
            return classify(lastHeartbeat, now);
        }
        HealthReading measured = classify(since, now);
        return measured.health() == Health.HEALTHY ? new HealthReading(Health.UNHEALTHY, null) : measured;
    }
}
