package dev.harbor.application.fakes;

import dev.harbor.application.port.SettingsStore;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** {@link SettingsStore} on an {@link InMemoryDatabase}. */
public final class InMemorySettingsStore implements SettingsStore {

    private final InMemoryDatabase db;

    InMemorySettingsStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Map<String, String> load() {
        synchronized (db) {
            return new TreeMap<>(db.settings);
        }
    }

    @Override
    public void save(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.forEach((name, value) -> {
            Objects.requireNonNull(name, "setting name");
            Objects.requireNonNull(value, () -> "value of setting " + name);
        });
        synchronized (db) {
            db.settings.putAll(copy);
        }
    }
}
