package dev.harbor.application.port;

import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.locker.ExternalDevice;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.domain.locker.ServiceState;
import java.util.List;
import java.util.Optional;

/**
 * The lockers and their durable state. Lockers are created and removed with their controller.
 * Stores keep instants to the millisecond (the API's precision): a status reads back with its
 * times truncated, and compare-and-set compares at that precision.
 */
public interface LockerStore {

    /** Every locker, ordered by id. */
    List<Locker> findAll();

    Optional<Locker> find(LockerId id);

    /** The lockers of one controller, ordered by bank locker number. */
    List<Locker> findByController(ControllerId controller);

    /**
     * Writes a new device status only if the stored one still equals {@code expected}, so two
     * writers can never both move the same locker from the same state.
     *
     * @return {@code false} when the locker changed meanwhile, or does not exist
     */
    boolean compareAndSetDevice(LockerId id, DeviceStatus expected, DeviceStatus next);

    /** @return {@code false} when the locker does not exist */
    boolean updateService(LockerId id, ServiceState service);

    /** @return {@code false} when the locker does not exist */
    boolean updateDoorOpen(LockerId id, Boolean doorOpen);

    /**
     * Writes the alias and code a remote device now shows. The device id of a locker never
     * changes: {@code external} must name the one the locker already stands for.
     *
     * @return {@code false} when the locker does not exist or stands for another device (or none)
     */
    boolean updateExternal(LockerId id, ExternalDevice external);
}
