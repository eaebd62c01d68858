package dev.harbor.application.fakes;

import dev.harbor.application.port.ExternalDeviceStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/** {@link ExternalDeviceStore} on an {@link InMemoryDatabase}. */
public final class InMemoryExternalDeviceStore implements ExternalDeviceStore {

    private final InMemoryDatabase db;

    InMemoryExternalDeviceStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void record(Heartbeat heartbeat) {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(heartbeat.deviceId(), "deviceId");
        Objects.requireNonNull(heartbeat.receivedAt(), "receivedAt");
        Heartbeat stored = new Heartbeat(
                heartbeat.deviceId(),
                heartbeat.deviceType(),
                heartbeat.status(),
                heartbeat.softwareVersion(),
                heartbeat.details() == null
                        ? null
                        : Collections.unmodifiableMap(new LinkedHashMap<>(heartbeat.details())),
                InMemoryDatabase.millis(heartbeat.receivedAt()));
        synchronized (db) {
            db.heartbeats.put(stored.deviceId(), stored);
        }
    }

    @Override
    public List<Heartbeat> latest() {
        synchronized (db) {
            return List.copyOf(db.heartbeats.values());
        }
    }
}
