package dev.harbor.persistence;

import dev.harbor.application.port.SettingsStore;
import dev.harbor.persistence.internal.Access;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link SettingsStore} on the one-row {@code runtime_settings} table, and the gateway's id in the
 * name-value {@code settings} table.
 */
public final class JdbiSettingsStore implements SettingsStore {

    private static final String GATEWAY_ID = "gatewayId";

    private final Access db;

    JdbiSettingsStore(Access db) {
        this.db = db;
    }

    @Override
    public Optional<StoredSettings> load() {
        return db.read(h -> h.createQuery("SELECT * FROM runtime_settings WHERE id = 1")
                .map((rs, ctx) -> new StoredSettings(
                        rs.getString("name"),
                        Duration.ofMillis(rs.getLong("door_attempt_timeout_ms")),
                        rs.getInt("door_max_attempts"),
                        Duration.ofMillis(rs.getLong("door_delay_ms")),
                        Duration.ofMillis(rs.getLong("heartbeat_unhealthy_after_ms")),
                        Duration.ofMillis(rs.getLong("heartbeat_dead_after_ms")),
                        Duration.ofMillis(rs.getLong("heartbeat_long_dead_after_ms")),
                        rs.getString("log_level")))
                .findOne());
    }

    @Override
    public void save(StoredSettings settings) {
        db.write(h -> h.createUpdate(
                        "INSERT INTO runtime_settings (id, name, door_attempt_timeout_ms, door_max_attempts,"
                                + " door_delay_ms, heartbeat_unhealthy_after_ms, heartbeat_dead_after_ms,"
                                + " heartbeat_long_dead_after_ms, log_level)"
                                + " VALUES (1, :name, :attemptTimeout, :maxAttempts, :delay, :unhealthy, :dead,"
                                + " :longDead, :logLevel)"
                                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                                + " door_attempt_timeout_ms = excluded.door_attempt_timeout_ms,"
                                + " door_max_attempts = excluded.door_max_attempts,"
                                + " door_delay_ms = excluded.door_delay_ms,"
                                + " heartbeat_unhealthy_after_ms = excluded.heartbeat_unhealthy_after_ms,"
                                + " heartbeat_dead_after_ms = excluded.heartbeat_dead_after_ms,"
                                + " heartbeat_long_dead_after_ms = excluded.heartbeat_long_dead_after_ms,"
                                + " log_level = excluded.log_level")
                .bind("name", settings.name())
                .bind("attemptTimeout", settings.doorAttemptTimeout().toMillis())
                .bind("maxAttempts", settings.doorMaxAttempts())
                .bind("delay", settings.doorDelay().toMillis())
                .bind("unhealthy", settings.heartbeatUnhealthyAfter().toMillis())
                .bind("dead", settings.heartbeatDeadAfter().toMillis())
                .bind("longDead", settings.heartbeatLongDeadAfter().toMillis())
                .bind("logLevel", settings.logLevel())
                .execute());
    }

    @Override
    public String gatewayId(String proposed) {
        // Read first: it is kept after the first start, and every start asks for it.
        Optional<String> kept = db.read(h -> h.createQuery("SELECT value FROM settings WHERE name = :name")
                .bind("name", GATEWAY_ID)
                .mapTo(String.class)
                .findOne());
        if (kept.isPresent()) {
            return kept.get();
        }
        return db.write(h -> {
            h.createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .bind("name", GATEWAY_ID)
                    .bind("value", proposed)
                    .execute();
            return h.createQuery("SELECT value FROM settings WHERE name = :name")
                    .bind("name", GATEWAY_ID)
                    .mapTo(String.class)
                    .one();
        });
    }
}
