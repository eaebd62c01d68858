package dev.harbor.domain.locker;

import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.device.DeviceStatus;
import dev.harbor.domain.layout.LockerTypeId;
import java.util.Objects;

/**
 * One compartment: where it is (controller and bank locker number), what it is (type), what the
 * state machine says of it, whether it is in service, and the last door-sensor reading.
 *
 * @param doorOpen last door-sensor reading; {@code null} when unknown or the board has no sensor
 */
public record Locker(
        LockerId id,
        ControllerId controllerId,
        int bankLockerNumber,
        LockerTypeId lockerTypeId,
        DeviceStatus device,
        ServiceState service,
        Boolean doorOpen) {

    public Locker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controllerId, "controllerId");
        Objects.requireNonNull(lockerTypeId, "lockerTypeId");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(service, "service");
        if (bankLockerNumber < 1) {
            throw new IllegalArgumentException("bank locker numbers start at 1, was " + bankLockerNumber);
        }
    }

    /** Free for a new transaction: unlocked, unheld, in service, and its board answers. */
    public boolean isAvailable(boolean operational) {
        return operational && !service.outOfService() && device.state() == DeviceState.UNLOCKED && !device.isHeld();
    }

    public Locker withDevice(DeviceStatus next) {
        return new Locker(id, controllerId, bankLockerNumber, lockerTypeId, next, service, doorOpen);
    }

    public Locker withService(ServiceState next) {
        return new Locker(id, controllerId, bankLockerNumber, lockerTypeId, device, next, doorOpen);
    }

    public Locker withDoorOpen(Boolean next) {
        return new Locker(id, controllerId, bankLockerNumber, lockerTypeId, device, service, next);
    }
}
