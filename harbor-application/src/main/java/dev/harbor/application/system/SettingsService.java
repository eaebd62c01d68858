package dev.harbor.application.system;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.port.SettingsStore;
import dev.harbor.domain.health.HeartbeatThresholds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the runtime settings in memory for every reader, and persists each change before it
 * takes effect, so a restart comes back with what was last answered 200.
 */
public final class SettingsService implements ManageSettings {

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsStore store;
    private final Auditor auditor;
    private final Consumer<String> logLevelApplier;
    private volatile RuntimeSettings current;

    /**
     * @param defaults        what applies where nothing was stored
     * @param logLevelApplier sets the root log level of the logging back end
     */
    public SettingsService(
            SettingsStore store, RuntimeSettings defaults, Auditor auditor, Consumer<String> logLevelApplier) {
        this.store = store;
        this.auditor = auditor;
        this.logLevelApplier = logLevelApplier;
        this.current = restore(store.load(), defaults);
        logLevelApplier.accept(current.logLevel());
    }

    @Override
    public RuntimeSettings current() {
        return current;
    }

    @Override
    public synchronized RuntimeSettings change(SettingsChange change, Actor actor) {
        RuntimeSettings next = change.applyTo(current);
        store.save(toValues(next));
        current = next;
        logLevelApplier.accept(next.logLevel());
        auditor.record(actor, "system.settings", "system", "OK", describe(change));
        return next;
    }

    private static RuntimeSettings restore(Map<String, String> values, RuntimeSettings defaults) {
        if (values.isEmpty()) {
            return defaults;
        }
        try {
            return new RuntimeSettings(
                    values.getOrDefault("name", defaults.name()),
                    new DoorOpenSettings(
                            millis(
                                    values,
                                    "doorOpen.attemptTimeoutMs",
                                    defaults.doorOpen().attemptTimeout()),
                            Integer.parseInt(values.getOrDefault(
                                    "doorOpen.maxAttempts",
                                    Integer.toString(defaults.doorOpen().maxAttempts()))),
                            millis(
                                    values,
                                    "doorOpen.delayMs",
                                    defaults.doorOpen().delay())),
                    new HeartbeatThresholds(
                            millis(
                                    values,
                                    "heartbeat.unhealthyAfterMs",
                                    defaults.heartbeat().unhealthyAfter()),
                            millis(
                                    values,
                                    "heartbeat.deadAfterMs",
                                    defaults.heartbeat().deadAfter()),
                            millis(
                                    values,
                                    "heartbeat.longDeadAfterMs",
                                    defaults.heartbeat().longDeadAfter())),
                    values.getOrDefault("logLevel", defaults.logLevel()));
        } catch (IllegalArgumentException e) {
            // Stored settings were valid when written; if they no longer are, the box must still start.
            log.error("Stored runtime settings are invalid ({}); using the defaults", e.getMessage());
            return defaults;
        }
    }

    private static Duration millis(Map<String, String> values, String key, Duration fallback) {
        String value = values.get(key);
        return value == null ? fallback : Duration.ofMillis(Long.parseLong(value));
    }

    private static Map<String, String> toValues(RuntimeSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", settings.name());
        values.put(
                "doorOpen.attemptTimeoutMs",
                Long.toString(settings.doorOpen().attemptTimeout().toMillis()));
        values.put("doorOpen.maxAttempts", Integer.toString(settings.doorOpen().maxAttempts()));
        values.put("doorOpen.delayMs", Long.toString(settings.doorOpen().delay().toMillis()));
        values.put(
                "heartbeat.unhealthyAfterMs",
                Long.toString(settings.heartbeat().unhealthyAfter().toMillis()));
        values.put(
                "heartbeat.deadAfterMs",
                Long.toString(settings.heartbeat().deadAfter().toMillis()));
        values.put(
                "heartbeat.longDeadAfterMs",
                Long.toString(settings.heartbeat().longDeadAfter().toMillis()));
        values.put("logLevel", settings.logLevel());
        return values;
    }

    private static String describe(SettingsChange change) {
        StringBuilder text = new StringBuilder();
        if (change.name() != null) {
            text.append("name=").append(change.name()).append(' ');
        }
        if (change.doorOpen() != null) {
            text.append("doorOpenPolicy=").append(change.doorOpen()).append(' ');
        }
        if (change.heartbeat() != null) {
            text.append("heartbeat=").append(change.heartbeat()).append(' ');
        }
        if (change.logLevel() != null) {
            text.append("logLevel=").append(change.logLevel());
        }
        return text.toString().trim();
    }
}
