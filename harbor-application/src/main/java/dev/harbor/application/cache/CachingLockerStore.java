package dev.harbor.application.cache;

import dev.harbor.application.port.LockerStore;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ServiceState;
import java.util.List;
import java.util.Optional;

/** Reads from the cache, writes through to the database and re-reads what it wrote. */
final class CachingLockerStore implements LockerStore {

    private final LockerStore database;
    private final LockerCache cache;

    CachingLockerStore(LockerStore database, LockerCache cache) {
        this.database = database;
        this.cache = cache;
    }

    @Override
    public List<Locker> findAll() {
        return cache.all();
    }

    @Override
    public Optional<Locker> find(LockerId id) {
        return cache.find(id);
    }

    @Override
    public List<Locker> findByController(ControllerId controller) {
        return cache.ofController(controller);
    }

    @Override
    public boolean compareAndSetDevice(LockerId id, DeviceStatus expected, DeviceStatus next) {
        boolean written = database.compareAndSetDevice(id, expected, next);
        // Also on failure: the caller lost a race because the cache was behind; let it see the truth.
        cache.reload(id);
        return written;
    }

    @Override
    public boolean updateService(LockerId id, ServiceState service) {
        boolean written = database.updateService(id, service);
        cache.reload(id);
        return written;
    }

    @Override
    public boolean updateDoorOpen(LockerId id, Boolean doorOpen) {
        boolean written = database.updateDoorOpen(id, doorOpen);
        cache.reload(id);
        return written;
    }

    @Override
    public boolean updateExternal(LockerId id, ExternalDevice external) {
        boolean written = database.updateExternal(id, external);
        cache.reload(id);
        return written;
    }
}
