package dev.harbor.bikeep.simulator;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Bikeep's API state machine as data, one row per command: the device states it is accepted in,
 * the state the device shows while the command is on its way ({@code SENT}), once the device has it
 * ({@code RECEIVED}), and after {@code SUCCESS}. {@code null} = the device keeps its state.
 */
enum CommandRule {
    // seed: booking "internally sets the device to ALLOCATED", then UNLOCKED → BOOKED
    BOOK("book", EnumSet.of(DeviceState.UNLOCKED), DeviceState.ALLOCATED, null, DeviceState.BOOKED),
    // seed: "the device returns to UNLOCKED"
    CANCEL_BOOKING("cancel-booking", EnumSet.of(DeviceState.BOOKED), null, null, DeviceState.UNLOCKED),
    // seed: UNLOCKED (or BOOKED) → LOCKING → LOCKED; from UNLOCKED the lock allocates the device at once
    LOCK(
            "lock",
            EnumSet.of(DeviceState.UNLOCKED, DeviceState.BOOKED),
            DeviceState.ALLOCATED,
            DeviceState.LOCKING,
            DeviceState.LOCKED),
    // seed: LOCKED → UNLOCKING → UNLOCKED
    UNLOCK("unlock", EnumSet.of(DeviceState.LOCKED), null, DeviceState.UNLOCKING, DeviceState.UNLOCKED),
    // seed: force commands "bypass normal state checks"
    FORCE_LOCK("force-lock", EnumSet.allOf(DeviceState.class), null, null, DeviceState.LOCKED),
    FORCE_UNLOCK("force-unlock", EnumSet.allOf(DeviceState.class), null, null, DeviceState.UNLOCKED),
    FORCE_CANCEL_BOOKING("force-cancel-booking", EnumSet.allOf(DeviceState.class), null, null, DeviceState.UNLOCKED);

    final String wireName;
    final Set<DeviceState> acceptedIn;
    final DeviceState whileSent;
    final DeviceState whileReceived;
    final DeviceState onSuccess;

    CommandRule(
            String wireName,
            Set<DeviceState> acceptedIn,
            DeviceState whileSent,
            DeviceState whileReceived,
            DeviceState onSuccess) {
        this.wireName = wireName;
        this.acceptedIn = acceptedIn;
        this.whileSent = whileSent;
        this.whileReceived = whileReceived;
        this.onSuccess = onSuccess;
    }

    static Optional<CommandRule> byWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }

    boolean isForce() {
        return wireName.startsWith("force-");
    }

    /** The device state while the command is {@code SENT}; a lock on a booked device keeps it booked. */
    DeviceState stateWhileSent(DeviceState current) {
        if (this == LOCK && current == DeviceState.BOOKED) {
            return null;
        }
        return whileSent;
    }

    /** {@code force-cancel-booking} only ends a booking; on a device in use it changes nothing. */
    DeviceState stateOnSuccess(DeviceState current) {
        if (this == FORCE_CANCEL_BOOKING && current != DeviceState.BOOKED && current != DeviceState.ALLOCATED) {
            return null;
        }
        return onSuccess;
    }

    /** The seed's event name for a device that reached {@code state}: RESPONSE_DEVICE_LOCKED. */
    static String responseEvent(DeviceState state) {
        return "RESPONSE_DEVICE_" + state.name();
    }
}
