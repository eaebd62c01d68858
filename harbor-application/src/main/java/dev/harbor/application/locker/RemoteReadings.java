package dev.harbor.application.locker;

import dev.harbor.domain.locker.LockerId;

/** What the remote site (Bikeep) last reported of the devices behind external lockers. */
@FunctionalInterface
public interface RemoteReadings {

    /** The last reading of an external locker's device; {@link RemoteReading#UNKNOWN} when never read. */
    RemoteReading of(LockerId id);

    /** No remote site: nothing was ever read. */
    RemoteReadings NONE = id -> RemoteReading.UNKNOWN;
}
