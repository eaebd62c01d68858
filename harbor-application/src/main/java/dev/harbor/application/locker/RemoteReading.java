package dev.harbor.application.locker;

import dev.harbor.domain.device.DeviceState;
import java.time.Instant;

/**
 * What the remote site (Bikeep) last reported of the device behind an external locker, kept in
 * memory and renewed by every sync (spec/bikeep.md).
 *
 * @param state the device's own state; {@code null} when it has none Harbor can act on or was
 *     never read
 * @param changedAt when the device entered {@code state}; may be null
 * @param timeoutAt the deadline of {@code state}; may be null
 * @param online the device talks to the remote site ({@code HEALTHY}/{@code UNHEALTHY}) and the
 *     site answered the last sync: the locker is operational
 * @param commandInFlight Harbor has a command on its way to the device whose outcome is not known
 *     yet: nobody else may take it
 */
public record RemoteReading(
        DeviceState state, Instant changedAt, Instant timeoutAt, boolean online, boolean commandInFlight) {

    /** Not read yet (after a start, before the first sync): not operational, not available. */
    public static final RemoteReading UNKNOWN = new RemoteReading(null, null, null, false, false);
}
