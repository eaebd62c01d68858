package dev.harbor.application.system;

import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.time.Duration;

/**
 * A partial change of {@link RuntimeSettings}, as {@code PATCH /system} carries it: {@code null}
 * fields, nested ones too, stay as they are. It is merged and checked in one place,
 * {@link #applyTo}; an invalid result is refused with an
 * {@link dev.harbor.domain.rule.InvalidValueException} naming the API field.
 */
public record SettingsChange(String name, DoorOpenChange doorOpen, HeartbeatChange heartbeat, String logLevel) {

    /** A partial door-open policy; times in milliseconds as the API gives them. */
    public record DoorOpenChange(Long attemptTimeoutMs, Integer maxAttempts, Long delayMs) {

        /** Every field set to {@code settings}. */
        public static DoorOpenChange to(DoorOpenSettings settings) {
            return new DoorOpenChange(
                    settings.attemptTimeout().toMillis(),
                    settings.maxAttempts(),
                    settings.delay().toMillis());
        }

        DoorOpenSettings applyTo(DoorOpenSettings current) {
            return new DoorOpenSettings(
                    millis(attemptTimeoutMs, current.attemptTimeout()),
                    maxAttempts != null ? maxAttempts : current.maxAttempts(),
                    millis(delayMs, current.delay()));
        }
    }

    /** Partial heartbeat thresholds; times in milliseconds as the API gives them. */
    public record HeartbeatChange(Long unhealthyAfterMs, Long deadAfterMs, Long longDeadAfterMs) {

        HeartbeatThresholds applyTo(HeartbeatThresholds current) {
            return new HeartbeatThresholds(
                    millis(unhealthyAfterMs, current.unhealthyAfter()),
                    millis(deadAfterMs, current.deadAfter()),
                    millis(longDeadAfterMs, current.longDeadAfter()));
        }
    }

    /** The settings after this change; the records refuse what breaks a rule. */
    public RuntimeSettings applyTo(RuntimeSettings current) {
        // One field after the other, in the order the API has always reported the first invalid one.
        RuntimeSettings next = current;
        if (name != null) {
            next = next.withName(name);
        }
        if (logLevel != null) {
            next = next.withLogLevel(logLevel);
        }
        if (doorOpen != null) {
            next = next.withDoorOpen(doorOpen.applyTo(current.doorOpen()));
        }
        if (heartbeat != null) {
            next = next.withHeartbeat(heartbeat.applyTo(current.heartbeat()));
        }
        return next;
    }

    private static Duration millis(Long value, Duration current) {
        return value == null ? current : Duration.ofMillis(value);
    }
}
