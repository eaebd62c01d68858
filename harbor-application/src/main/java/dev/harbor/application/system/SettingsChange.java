package dev.harbor.application.system;

import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.domain.health.HeartbeatThresholds;

/** A partial change of {@link RuntimeSettings}: {@code null} fields stay as they are. */
public record SettingsChange(String name, DoorOpenSettings doorOpen, HeartbeatThresholds heartbeat, String logLevel) {

    public RuntimeSettings applyTo(RuntimeSettings current) {
        return new RuntimeSettings(
                name != null ? name : current.name(),
                doorOpen != null ? doorOpen : current.doorOpen(),
                heartbeat != null ? heartbeat : current.heartbeat(),
                logLevel != null ? logLevel : current.logLevel());
    }
}
