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
 * @param external the remote device this locker stands for; {@code null} for a locker behind one of
 *     our own boards
 */
public record Locker(
        LockerId id,
        ControllerId controllerId,
        int bankLockerNumber,
        LockerTypeId lockerTypeId,
        DeviceStatus device,
        ServiceState service,
        Boolean doorOpen,
        ExternalDevice external) {

    /** A locker behind one of our own boards. */
    public Locker(
            LockerId id,
            ControllerId controllerId,
            int bankLockerNumber,
            LockerTypeId lockerTypeId,
            DeviceStatus device,
            ServiceState service,
            Boolean doorOpen) {
        this(id, controllerId, bankLockerNumber, lockerTypeId, device, service, doorOpen, null);
    }

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

    /** Whether a remote site's device stands behind this locker rather than one of our boards. */
    public boolean isExternal() {
        return external != null;
    }

    /**
     * Free for a new transaction: unlocked, unheld, in service, and its board answers. For an
     * external locker this is Harbor's side only; the device's own state decides too.
     */
    public boolean isAvailable(boolean operational) {
        return operational && !service.outOfService() && device.state() == DeviceState.UNLOCKED && !device.isHeld();
    }

    public Locker withDevice(DeviceStatus next) {
        return new Locker(id, controllerId, bankLockerNumber, lockerTypeId, next, service, doorOpen, external);
    }

    public Locker withService(ServiceState next) {
        return new Locker(id, controllerId, bankLockerNumber, lockerTypeId, device, next, doorOpen, external);
    }

    public Locker withDoorOpen(Boolean next) {
        return new Locker(id, controllerId, bankLockerNumber, lockerTypeId, device, service, next, external);
    }

    public Locker withExternal(ExternalDevice next) {
        return new Locker(id, controllerId, bankLockerNumber, lockerTypeId, device, service, doorOpen, next);
    }
}
