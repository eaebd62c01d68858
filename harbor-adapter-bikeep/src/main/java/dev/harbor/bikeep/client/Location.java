package dev.harbor.bikeep.client;

import java.util.Objects;

/**
 * A Bikeep location: a station of lockers ({@code BIKE_LOCKERS}) or bike docks ({@code BIKE_DOCKS}).
 *
 * <p>Values are Bikeep's own strings, kept as text so that a value Bikeep adds later does not break
 * the client.
 *
 * @param id Bikeep's location id
 * @param type {@code BIKE_LOCKERS}, {@code BIKE_DOCKS}, …
 * @param label short label, e.g. {@code #1234}
 * @param name display name
 * @param status e.g. {@code LAUNCHED}
 * @param connection {@code online}, {@code partially_online}, {@code offline} or {@code unknown}
 * @param address street address, may be null
 * @param devices device counts; never null (zeros when Bikeep sent none)
 */
public record Location(
        String id,
        String type,
        String label,
        String name,
        String status,
        String connection,
        String address,
        DeviceCounts devices) {

    public Location {
        Objects.requireNonNull(id, "id");
        devices = devices == null ? new DeviceCounts(0, 0, 0) : devices;
    }

    /**
     * The device counts of a location.
     *
     * @param total every device
     * @param available devices that are available and online: the number to show end users
     * @param online devices talking to the Bikeep cloud
     */
    public record DeviceCounts(int total, int available, int online) {}
}
