package dev.harbor.application.fakes;

import dev.harbor.application.port.SettingsStore;
import java.util.Objects;
import java.util.Optional;

/** {@link SettingsStore} on an {@link InMemoryDatabase}. */
public final class InMemorySettingsStore implements SettingsStore {

    private final InMemoryDatabase db;

    InMemorySettingsStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<StoredSettings> load() {
        synchronized (db) {
            return Optional.ofNullable(db.settings);
        }
    }

    @Override
    public void save(StoredSettings settings) {
        Objects.requireNonNull(settings, "settings");
        synchronized (db) {
            db.settings = settings;
        }
    }

    @Override
    public String gatewayId(String proposed) {
        Objects.requireNonNull(proposed, "proposed");
        synchronized (db) {
            if (db.gatewayId == null) {
                db.gatewayId = proposed;
            }
            return db.gatewayId;
        }
    }
}
