package dev.harbor.domain.device;

import java.util.Objects;
import java.util.Optional;

/**
 * Which command each Harbor action sends to a remote device (a Bikeep locker or dock) that Harbor
 * knows only by its state (spec/bikeep.md, the transaction flow). The answer comes from the
 * device state machine's table, so the flow and the table cannot disagree.
 */
public final class RemoteActionCommands {

    private final DeviceStateMachine machine;

    public RemoteActionCommands(DeviceStateMachine machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
    }

    /** A new transaction takes a free device with {@code book}, or none when the device is not free. */
    public Optional<DeviceCommand> toCreate(DeviceState state) {
        return allowed(state, DeviceCommand.BOOK);
    }

    /**
     * Opening for a transaction: {@code lock} where the user is about to place the item (drop-off,
     * from {@code BOOKED} or {@code UNLOCKED}), {@code unlock} where the item is secured (pick-up);
     * none while a command is in flight ({@code ALLOCATED}, {@code LOCKING}, {@code UNLOCKING}).
     */
    public Optional<DeviceCommand> toOpen(DeviceState state) {
        return allowed(state, DeviceCommand.LOCK).or(() -> allowed(state, DeviceCommand.UNLOCK));
    }

    /**
     * Releasing a transaction: nothing for a device already free, {@code cancel-booking} for a
     * booking, and {@code force-unlock} for everything else (an item may be inside).
     */
    public Optional<DeviceCommand> toRelease(DeviceState state) {
        if (state == DeviceState.UNLOCKED) {
            return Optional.empty();
        }
        return allowed(state, DeviceCommand.CANCEL_BOOKING).or(() -> allowed(state, DeviceCommand.FORCE_UNLOCK));
    }

    /** A maintenance open frees the device whatever its state. */
    public DeviceCommand toMaintenanceOpen(DeviceState state) {
        return allowed(state, DeviceCommand.FORCE_UNLOCK)
                .orElseThrow(() -> new IllegalStateException("force-unlock must be allowed from " + state));
    }

    private Optional<DeviceCommand> allowed(DeviceState state, DeviceCommand command) {
        return machine.allows(Objects.requireNonNull(state, "state"), command)
                ? Optional.of(command)
                : Optional.empty();
    }
}
