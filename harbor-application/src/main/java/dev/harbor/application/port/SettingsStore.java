package dev.harbor.application.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The runtime settings changed over the API (gateway name, door-open policy, heartbeat thresholds,
 * log level), kept as one typed row, and the gateway's stable id.
 */
public interface SettingsStore {

    /** The settings last saved; empty before the first save. */
    Optional<StoredSettings> load();

    /** Replaces the saved settings in one database transaction. */
    void save(StoredSettings settings);

    /**
     * The gateway's id: the one stored, or else {@code proposed}, stored now and from then on
     * answered. It is how a fleet tells its boxes apart across restarts.
     */
    String gatewayId(String proposed);

    /**
     * The settings as stored. The store checks no rule: the application rebuilds its settings
     * from these and decides what an invalid row means.
     */
    record StoredSettings(
            String name,
            Duration doorAttemptTimeout,
            int doorMaxAttempts,
            Duration doorDelay,
            Duration heartbeatUnhealthyAfter,
            Duration heartbeatDeadAfter,
            Duration heartbeatLongDeadAfter,
            String logLevel) {

        public StoredSettings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(doorAttemptTimeout, "doorAttemptTimeout");
            Objects.requireNonNull(doorDelay, "doorDelay");
            Objects.requireNonNull(heartbeatUnhealthyAfter, "heartbeatUnhealthyAfter");
            Objects.requireNonNull(heartbeatDeadAfter, "heartbeatDeadAfter");
            Objects.requireNonNull(heartbeatLongDeadAfter, "heartbeatLongDeadAfter");
            Objects.requireNonNull(logLevel, "logLevel");
        }
    }
}
