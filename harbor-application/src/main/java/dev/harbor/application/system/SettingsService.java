package dev.harbor.application.system;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.locker.CurrentDoorOpenSettings;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.application.port.SettingsStore.StoredSettings;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the runtime settings in memory for every reader, and persists each change before it
 * takes effect, so a restart comes back with what was last answered 200.
 */
final class SettingsService implements ManageSettings, CurrentDoorOpenSettings {

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsStore store;
    private final Auditor auditor;
    private final Consumer<String> logLevelApplier;
    private volatile RuntimeSettings current;

    /**
     * @param defaults        what applies where nothing was stored
     * @param logLevelApplier sets the root log level of the logging back end
     */
    SettingsService(SettingsStore store, RuntimeSettings defaults, Auditor auditor, Consumer<String> logLevelApplier) {
        this.store = store;
        this.auditor = auditor;
        this.logLevelApplier = logLevelApplier;
        this.current = store.load().map(stored -> restore(stored, defaults)).orElse(defaults);
        logLevelApplier.accept(current.logLevel());
    }

    @Override
    public RuntimeSettings current() {
        return current;
    }

    @Override
    public DoorOpenSettings doorOpenSettings() {
        return current.doorOpen();
    }

    @Override
    public synchronized RuntimeSettings change(SettingsChange change, Actor actor) {
        RuntimeSettings next = change.applyTo(current);
        store.save(stored(next));
        current = next;
        logLevelApplier.accept(next.logLevel());
        auditor.record(actor, "system.settings", "system", "OK", describe(change, next));
        return next;
    }

    private static RuntimeSettings restore(StoredSettings stored, RuntimeSettings defaults) {
        try {
            return new RuntimeSettings(
                    stored.name(),
                    new DoorOpenSettings(stored.doorAttemptTimeout(), stored.doorMaxAttempts(), stored.doorDelay()),
                    new HeartbeatThresholds(
                            stored.heartbeatUnhealthyAfter(),
                            stored.heartbeatDeadAfter(),
                            stored.heartbeatLongDeadAfter()),
                    stored.logLevel());
        } catch (IllegalArgumentException e) {
            // Stored settings were valid when written; if they no longer are, the box must still start.
            log.error("Stored runtime settings are invalid ({}); using the defaults", e.getMessage());
            return defaults;
        }
    }

    private static StoredSettings stored(RuntimeSettings settings) {
        return new StoredSettings(
                settings.name(),
                settings.doorOpen().attemptTimeout(),
                settings.doorOpen().maxAttempts(),
                settings.doorOpen().delay(),
                settings.heartbeat().unhealthyAfter(),
                settings.heartbeat().deadAfter(),
                settings.heartbeat().longDeadAfter(),
                settings.logLevel());
    }

    /** Names what the change touched, with the values now in effect (as the audit trail always had them). */
    private static String describe(SettingsChange change, RuntimeSettings next) {
        StringBuilder text = new StringBuilder();
        if (change.name() != null) {
            text.append("name=").append(change.name()).append(' ');
        }
        if (change.doorOpen() != null) {
            text.append("doorOpenPolicy=").append(next.doorOpen()).append(' ');
        }
        if (change.heartbeat() != null) {
            text.append("heartbeat=").append(next.heartbeat()).append(' ');
        }
        if (change.logLevel() != null) {
            text.append("logLevel=").append(change.logLevel());
        }
        return text.toString().trim();
    }
}
