package dev.harbor.application.locker;

import dev.harbor.application.controller.ControllerRuntime;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.locker.Locker;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

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

    /**
     * {@link #isAvailable} for one pass over many lockers, on one thread: each controller's state is
     * looked up once for the whole pass. A create looks at every locker of the installation, and at
     * 1,008 lockers the lookup per locker was the larger part of a create's time (a profile of the
     * create+release benchmark: 35 % of the gateway's samples).
     */
    public Predicate<Locker> forOnePass() {
        Map<ControllerId, Boolean> operational = new HashMap<>();
        // The same rule as isAvailable (LockerView's), only the controller's answer remembered.
        return locker -> locker.isExternal()
                ? isAvailable(locker)
                : new LockerView(
                                locker,
                                null,
                                operational.computeIfAbsent(locker.controllerId(), runtime::isOperational))
                        .available();
    }
}
