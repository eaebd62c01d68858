package dev.harbor.application.locker;

import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.locker.Locker;
import java.util.Objects;

/**
 * Whether a locker is operational and available, for a locker behind our boards (its controller
 * answers) and for an external one (its device is online and the remote site answered the last
 * sync) alike: the one rule the listing and the choice of a locker for a new transaction share.
 */
public final class LockerAvailability {

    private final ControllerRuntime runtime;
    private final RemoteReadings readings;

    public LockerAvailability(ControllerRuntime runtime, RemoteReadings readings) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.readings = Objects.requireNonNull(readings, "readings");
    }

    public LockerView view(Locker locker, LockerType type) {
        if (locker.isExternal()) {
            RemoteReading reading = readings.of(locker.id());
            return new LockerView(locker, type, reading.online(), reading);
        }
        return new LockerView(locker, type, runtime.isOperational(locker.controllerId()));
    }

    public boolean isAvailable(Locker locker) {
        return view(locker, null).available();
    }
}
