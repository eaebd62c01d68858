package dev.harbor.application.system;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.locker.CurrentDoorOpenSettings;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.application.port.SettingsStore.StoredSettings;
import dev.harbor.domain.health.HeartbeatThresholds;
import dev.harbor.domain.rule.DisplayName;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    /**
     * The stored settings, each one checked on its own: a value an older version accepted and
     * this one refuses (a door-open timeout of months) must not brick the doors, nor take the
     * valid settings beside it down with it. That one setting falls back to its default, with a
     * WARN naming it; the row is left as it is until the next change replaces it.
     */
    private static RuntimeSettings restore(StoredSettings stored, RuntimeSettings defaults) {
        String name = valid("name", () -> DisplayName.requireValid("name", stored.name()), defaults.name());
        Duration attemptTimeout = valid(
                "doorOpenPolicy.attemptTimeoutMs",
                () -> DoorOpenSettings.requireAttemptTimeout(stored.doorAttemptTimeout()),
                defaults.doorOpen().attemptTimeout());
        int maxAttempts = valid(
                "doorOpenPolicy.maxAttempts",
                () -> DoorOpenSettings.requireMaxAttempts(stored.doorMaxAttempts()),
                defaults.doorOpen().maxAttempts());
        Duration delay = valid(
                "doorOpenPolicy.delayMs",
                () -> DoorOpenSettings.requireDelay(stored.doorDelay()),
                defaults.doorOpen().delay());
        HeartbeatThresholds heartbeat = valid(
                "heartbeat",
                () -> new HeartbeatThresholds(
                        stored.heartbeatUnhealthyAfter(), stored.heartbeatDeadAfter(), stored.heartbeatLongDeadAfter()),
                defaults.heartbeat());
        String logLevel =
                valid("logLevel", () -> defaults.withLogLevel(stored.logLevel()).logLevel(), defaults.logLevel());
        return new RuntimeSettings(name, new DoorOpenSettings(attemptTimeout, maxAttempts, delay), heartbeat, logLevel);
    }

    private static <T> T valid(String setting, Supplier<T> stored, T fallback) {
        try {
            return stored.get();
        } catch (IllegalArgumentException e) {
            log.warn("Stored setting {} is invalid ({}); using its default {}", setting, e.getMessage(), fallback);
            return fallback;
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
