package dev.harbor.persistence;

import dev.harbor.application.port.SettingsStore;
import dev.harbor.persistence.internal.Access;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** {@link SettingsStore} on the {@code settings} table of name-value pairs. */
public final class JdbiSettingsStore implements SettingsStore {

    private final Access db;

    JdbiSettingsStore(Access db) {
        this.db = db;
    }

    @Override
    public Map<String, String> load() {
        Map<String, String> values = new TreeMap<>();
        db.read(h -> h.createQuery("SELECT name, value FROM settings")
                .map((rs, ctx) -> values.put(rs.getString("name"), rs.getString("value")))
                .list());
        return values;
    }

    @Override
    public void save(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.forEach((name, value) -> {
            Objects.requireNonNull(name, "setting name");
            Objects.requireNonNull(value, () -> "value of setting " + name);
        });
        db.write(h -> {
            copy.forEach((name, value) -> h.createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value) "
                            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                    .bind("name", name)
                    .bind("value", value)
                    .execute());
            return null;
        });
    }
}
