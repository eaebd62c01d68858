package dev.harbor.domain.locker;

import java.util.Objects;

/**
 * The device in a remote site's cloud that a locker stands for (spec/bikeep.md): a Bikeep
 * {@code LOCKER} or {@code BIKE_DOCK}. The device id ties the locker to it for good; alias and code
 * are shown as the cloud last reported them.
 *
 * @param system the remote site, {@code bikeep}
 * @param alias the number shown on the device, e.g. {@code 1}; may be null
 * @param code the device code; may be null
 */
public record ExternalDevice(String system, String deviceId, String alias, String code) {

    public static final String BIKEEP = "bikeep";

    public ExternalDevice {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(deviceId, "deviceId");
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("an external device id must not be blank");
        }
    }

    public static ExternalDevice bikeep(String deviceId, String alias, String code) {
        return new ExternalDevice(BIKEEP, deviceId, alias, code);
    }
}
