package dev.harbor.application.port;

/**
 * Re-reads remote devices (Bikeep's) outside the regular sync, because the cloud told us something
 * changed (a webhook): the next command round (about a second later) reads them.
 */
public interface RemoteDeviceRefresh {

    /**
     * Asks for a re-read; returns without waiting for it.
     *
     * @param deviceId {@code null}: every device of the location
     */
    void refresh(String locationId, String deviceId);

    /** No remote site configured: nothing to re-read. */
    RemoteDeviceRefresh NONE = (locationId, deviceId) -> {};
}
