package dev.harbor.domain.device;

import dev.harbor.domain.rule.PositiveDuration;
import java.time.Duration;

/**
 * How long each state with a deadline may last.
 *
 * @param allocation command delivery: how long {@code ALLOCATED} waits for the acknowledgement
 * @param booking    the default booking expiry when {@code book} names none
 * @param locking    how long the user has to secure the item in {@code LOCKING}
 * @param unlocking  how long {@code UNLOCKING} waits for the hardware to confirm the release
 */
public record DeviceTimeouts(Duration allocation, Duration booking, Duration locking, Duration unlocking) {

    /** The seed's values: 10 s, 1 h, 60 s, 30 s. */
    public static final DeviceTimeouts DEFAULTS = new DeviceTimeouts(
            Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(30));

    public DeviceTimeouts {
        PositiveDuration.require("allocation", allocation);
        PositiveDuration.require("booking", booking);
        PositiveDuration.require("locking", locking);
        PositiveDuration.require("unlocking", unlocking);
    }
}
