package dev.harbor.application.cache;

import dev.harbor.application.port.ControllerStore;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.domain.locker.Locker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Controllers as they are; a change of a controller's bank re-reads its lockers. */
final class CachingControllerStore implements ControllerStore {

    private final ControllerStore database;
    private final LockerCache cache;

    CachingControllerStore(ControllerStore database, LockerCache cache) {
        this.database = database;
        this.cache = cache;
    }

    @Override
    public List<Controller> findAll() {
        return database.findAll();
    }

    @Override
    public Optional<Controller> find(ControllerId id) {
        return database.find(id);
    }

    @Override
    public Registered register(NewController controller, List<NewLocker> lockers, DeviceStatus initial) {
        Registered registered = database.register(controller, lockers, initial);
        cache.reloadController(registered.controller().id());
        return registered;
    }

    @Override
    public List<Locker> appendLockers(ControllerId id, List<NewLocker> lockers, DeviceStatus initial) {
        List<Locker> added = database.appendLockers(id, lockers, initial);
        cache.reloadController(id);
        return added;
    }

    @Override
    public boolean update(Controller controller) {
        return database.update(controller);
    }

    @Override
    public Removal remove(ControllerId id, boolean force, Instant now) {
        Removal removal = database.remove(id, force, now);
        cache.reloadController(id);
        return removal;
    }

    @Override
    public Adjustment adjustLockerCount(
            ControllerId id, int lockerCount, LockerTypeId newLockerType, DeviceStatus initial) {
        Adjustment adjustment = database.adjustLockerCount(id, lockerCount, newLockerType, initial);
        cache.reloadController(id);
        return adjustment;
    }
}
