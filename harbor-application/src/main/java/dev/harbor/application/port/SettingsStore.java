package dev.harbor.application.port;

import java.util.Map;

/**
 * Runtime settings changed over the API (gateway name, door-open policy, heartbeat thresholds,
 * log level), kept as named string values so a new setting needs no migration.
 */
public interface SettingsStore {

    Map<String, String> load();

    /** Writes all given values in one database transaction. */
    void save(Map<String, String> values);
}
