package dev.harbor.domain.locker;

import java.util.Arrays;
import java.util.Optional;

/** Why a locker is out of service (local-api.md). */
public enum ReasonCode {
    MANUAL_DISABLE,
    MAINTENANCE,
    HARDWARE_FAILURE,
    DOOR_SENSOR_FAULT,
    VANDALISM,
    OTHER,
    /** The device is gone from its Bikeep location (spec/bikeep.md): the locker stays, out of service. */
    DEVICE_REMOVED;

    public static Optional<ReasonCode> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
