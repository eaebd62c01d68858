package dev.harbor.application.port;

/**
 * Re-reads remote devices (Bikeep's) at once, outside the regular sync, because the cloud told us
 * something changed. Harbor does not hold Bikeep devices yet: until the device sync exists,
 * {@link #NOT_YET} stands in and the webhook that asked for the re-read is only logged.
 */
public interface RemoteDeviceRefresh {

    /**
     * Asks for a re-read; returns without waiting for it.
     *
     * @param deviceId {@code null}: every device of the location
     */
    void refresh(String locationId, String deviceId);

    /** No device sync to ask yet: does nothing. */
    RemoteDeviceRefresh NOT_YET = (locationId, deviceId) -> {};
}
