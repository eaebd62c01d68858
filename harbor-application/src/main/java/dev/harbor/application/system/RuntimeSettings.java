package dev.harbor.application.system;

import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.util.Objects;
import java.util.Set;

/** The settings changed at run time through {@code PATCH /system}, persisted, effective at once. */
public record RuntimeSettings(String name, DoorOpenSettings doorOpen, HeartbeatThresholds heartbeat, String logLevel) {

    public static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    public RuntimeSettings {
        Objects.requireNonNull(doorOpen, "doorOpen");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name must be 1-100 characters");
        }
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new IllegalArgumentException("logLevel must be one of " + LOG_LEVELS);
        }
    }

    public static RuntimeSettings defaults(String name) {
        return new RuntimeSettings(name, DoorOpenSettings.DEFAULTS, HeartbeatThresholds.DEFAULTS, "INFO");
    }
}
