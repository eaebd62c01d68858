package dev.harbor.persistence;

import dev.harbor.application.port.LockerStore;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ServiceState;
import dev.harbor.persistence.internal.Access;
import dev.harbor.persistence.internal.DeviceColumns;
import dev.harbor.persistence.internal.Rows;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link LockerStore} on the {@code lockers} table. */
public final class JdbiLockerStore implements LockerStore {

    private final Access db;

    JdbiLockerStore(Access db) {
        this.db = db;
    }

    @Override
    public List<Locker> findAll() {
        return db.read(h -> h.createQuery("SELECT " + Rows.LOCKER_COLUMNS + " FROM lockers ORDER BY id")
                .map(Rows.LOCKER)
                .list());
    }

    @Override
    public Optional<Locker> find(LockerId id) {
        return db.read(h -> h.createQuery("SELECT " + Rows.LOCKER_COLUMNS + " FROM lockers WHERE id = :id")
                .bind("id", id.value())
                .map(Rows.LOCKER)
                .findOne());
    }

    @Override
    public List<Locker> findByController(ControllerId controller) {
        return db.read(h -> h.createQuery("SELECT " + Rows.LOCKER_COLUMNS
                        + " FROM lockers WHERE controller_id = :controller ORDER BY bank_locker_number")
                .bind("controller", controller.value())
                .map(Rows.LOCKER)
                .list());
    }

    @Override
    public boolean compareAndSetDevice(LockerId id, DeviceStatus expected, DeviceStatus next) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        // One conditional UPDATE: the database compares and writes atomically, on both engines.
        return db.write(h -> DeviceColumns.bind(
                                DeviceColumns.bind(
                                        h.createUpdate("UPDATE lockers SET " + DeviceColumns.assignments("n_")
                                                + " WHERE id = :id AND " + DeviceColumns.equalTo("e_")),
                                        "e_",
                                        expected),
                                "n_",
                                next)
                        .bind("id", id.value())
                        .execute())
                == 1;
    }

    @Override
    public boolean updateService(LockerId id, ServiceState service) {
        Objects.requireNonNull(service, "service");
        return db.write(h -> h.createUpdate("UPDATE lockers SET out_of_service = :outOfService, "
                                + "reason_code = :reasonCode, reason = :reason WHERE id = :id")
                        .bind("outOfService", service.outOfService())
                        .bind(
                                "reasonCode",
                                service.reasonCode() == null
                                        ? null
                                        : service.reasonCode().name())
                        .bind("reason", service.reason())
                        .bind("id", id.value())
                        .execute())
                == 1;
    }

    @Override
    public boolean updateDoorOpen(LockerId id, Boolean doorOpen) {
        return db.write(h -> h.createUpdate("UPDATE lockers SET door_open = :doorOpen WHERE id = :id")
                        .bind("doorOpen", doorOpen)
                        .bind("id", id.value())
                        .execute())
                == 1;
    }

    @Override
    public boolean updateExternal(LockerId id, ExternalDevice external) {
        Objects.requireNonNull(external, "external");
        // The device named is part of the condition: a locker never changes the device it stands for.
        return db.write(h -> h.createUpdate("UPDATE lockers SET external_alias = :alias, external_code = :code "
                                + "WHERE id = :id AND external_system = :system AND external_device_id = :deviceId")
                        .bind("alias", external.alias())
                        .bind("code", external.code())
                        .bind("id", id.value())
                        .bind("system", external.system())
                        .bind("deviceId", external.deviceId())
                        .execute())
                == 1;
    }
}
