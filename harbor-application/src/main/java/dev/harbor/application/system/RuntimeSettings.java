package dev.harbor.application.system;

import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.domain.health.HeartbeatThresholds;
import dev.harbor.domain.rule.DisplayName;
import dev.harbor.domain.rule.InvalidValueException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The settings changed at run time through {@code PATCH /system}, persisted, effective at once.
 * A refusal names the field as the API spells it.
 */
public record RuntimeSettings(String name, DoorOpenSettings doorOpen, HeartbeatThresholds heartbeat, String logLevel) {

    /** The log levels from the most to the least detailed. */
    public static final List<String> LEVELS_IN_ORDER = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    public static final Set<String> LOG_LEVELS = Set.copyOf(LEVELS_IN_ORDER);

    public RuntimeSettings {
        DisplayName.requireValid("name", name);
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new InvalidValueException(
                    "logLevel", "logLevel must be one of " + String.join(", ", LEVELS_IN_ORDER));
        }
        Objects.requireNonNull(doorOpen, "doorOpen");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    public static RuntimeSettings defaults(String name) {
        return new RuntimeSettings(name, DoorOpenSettings.DEFAULTS, HeartbeatThresholds.DEFAULTS, "INFO");
    }

    public RuntimeSettings withName(String name) {
        return new RuntimeSettings(name, doorOpen, heartbeat, logLevel);
    }

    public RuntimeSettings withLogLevel(String logLevel) {
        return new RuntimeSettings(name, doorOpen, heartbeat, logLevel);
    }

    public RuntimeSettings withDoorOpen(DoorOpenSettings doorOpen) {
        return new RuntimeSettings(name, doorOpen, heartbeat, logLevel);
    }

    public RuntimeSettings withHeartbeat(HeartbeatThresholds heartbeat) {
        return new RuntimeSettings(name, doorOpen, heartbeat, logLevel);
    }
}
