package dev.harbor.application.port;

import java.util.List;
import java.util.Objects;

/**
 * The locations an operator has in a remote site's cloud (Bikeep): stations of lockers or bike
 * docks that Harbor shows and drives as controllers. What a location holds is reached
 * through the ports beside this one ({@link RemoteAllowlists} for its RFID allowlists).
 *
 * <p>Every method may throw {@link RemoteSiteException}.
 */
public interface RemoteSites {

    /** Every location the gateway's credentials can see. */
    List<Location> locations();

    /**
     * A location as the cloud describes it. Values are the cloud's own strings, so that a value it
     * adds later passes through.
     *
     * @param type for example {@code BIKE_LOCKERS} or {@code BIKE_DOCKS}
     * @param connection {@code online}, {@code partially_online}, {@code offline} or {@code unknown}
     */
    record Location(String id, String type, String name, String label, String connection, DeviceCounts devices) {

        public Location {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(devices, "devices");
        }
    }

    /**
     * @param available available and online: what an end user can take now
     * @param online talking to the cloud
     */
    record DeviceCounts(int total, int available, int online) {}
}
