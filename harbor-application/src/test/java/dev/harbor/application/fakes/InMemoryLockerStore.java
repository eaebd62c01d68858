package dev.harbor.application.fakes;

import dev.harbor.application.port.LockerStore;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ServiceState;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link LockerStore} on an {@link InMemoryDatabase}. */
public final class InMemoryLockerStore implements LockerStore {

    private final InMemoryDatabase db;

    InMemoryLockerStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<Locker> findAll() {
        synchronized (db) {
            return List.copyOf(db.lockers.values());
        }
    }

    @Override
    public Optional<Locker> find(LockerId id) {
        synchronized (db) {
            return Optional.ofNullable(db.lockers.get(id.value()));
        }
    }

    @Override
    public List<Locker> findByController(ControllerId controller) {
        synchronized (db) {
            return db.lockers.values().stream()
                    .filter(l -> l.controllerId().equals(controller))
                    .sorted(Comparator.comparingInt(Locker::bankLockerNumber))
                    .toList();
        }
    }

    @Override
    public boolean compareAndSetDevice(LockerId id, DeviceStatus expected, DeviceStatus next) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        synchronized (db) {
            Locker locker = db.lockers.get(id.value());
            if (locker == null || !locker.device().equals(InMemoryDatabase.millis(expected))) {
                return false;
            }
            if (db.heldElsewhere(next.holder(), id.value())) {
                throw new IllegalStateException("holder " + next.holder() + " already holds another locker");
            }
            db.lockers.put(id.value(), locker.withDevice(InMemoryDatabase.millis(next)));
            return true;
        }
    }

    @Override
    public boolean updateService(LockerId id, ServiceState service) {
        Objects.requireNonNull(service, "service");
        synchronized (db) {
            Locker locker = db.lockers.get(id.value());
            if (locker == null) {
                return false;
            }
            db.lockers.put(id.value(), locker.withService(service));
            return true;
        }
    }

    @Override
    public boolean updateDoorOpen(LockerId id, Boolean doorOpen) {
        synchronized (db) {
            Locker locker = db.lockers.get(id.value());
            if (locker == null) {
                return false;
            }
            db.lockers.put(id.value(), locker.withDoorOpen(doorOpen));
            return true;
        }
    }

    @Override
    public boolean updateExternal(LockerId id, ExternalDevice external) {
        Objects.requireNonNull(external, "external");
        synchronized (db) {
            Locker locker = db.lockers.get(id.value());
            if (locker == null
                    || locker.external() == null
                    || !locker.external().system().equals(external.system())
                    || !locker.external().deviceId().equals(external.deviceId())) {
                return false;
            }
            db.lockers.put(id.value(), locker.withExternal(external));
            return true;
        }
    }
}
