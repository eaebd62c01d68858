package dev.harbor.application.locker;

import dev.harbor.domain.device.DeviceState;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.locker.Locker;
import java.time.Instant;

/**
 * A locker with what the API shows beside it: its type, and the derived flags. An external locker
 * (a Bikeep device) shows the device's own state; which transaction holds it is Harbor's.
 *
 * @param remote what the remote site last reported; {@code null} for a locker behind our boards
 */
public record LockerView(Locker locker, LockerType type, boolean operational, RemoteReading remote) {

    public LockerView(Locker locker, LockerType type, boolean operational) {
        this(locker, type, operational, null);
    }

    /**
     * Free for a new transaction. An external locker needs its device {@code UNLOCKED} upstream and
     * no command of ours in flight too: a device someone took with an RFID tap is not available.
     */
    public boolean available() {
        if (!locker.isAvailable(operational)) {
            return false;
        }
        return remote == null || (remote.state() == DeviceState.UNLOCKED && !remote.commandInFlight());
    }

    /** The state the API shows: the remote device's own where it was read, else the locker's. */
    public DeviceState state() {
        return hasRemoteState() ? remote.state() : locker.device().state();
    }

    public Instant stateChangedAt() {
        return hasRemoteState() ? remote.changedAt() : locker.device().changedAt();
    }

    public Instant stateTimeoutAt() {
        return hasRemoteState() ? remote.timeoutAt() : locker.device().timeoutAt();
    }

    private boolean hasRemoteState() {
        return remote != null && remote.state() != null;
    }
}
