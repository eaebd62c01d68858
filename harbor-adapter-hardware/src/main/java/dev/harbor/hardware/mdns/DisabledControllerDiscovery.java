package dev.harbor.hardware.mdns;

import dev.harbor.application.port.ControllerDiscovery;
import java.time.Duration;
import java.util.List;

/** mDNS is off (no interface address configured): nothing is announced and nothing is found. */
public final class DisabledControllerDiscovery implements ControllerDiscovery {

    @Override
    public boolean isEnabled() {
        return false;
    }

    @Override
    public List<Found> scan(Duration window) {
        return List.of();
    }

    @Override
    public void reannounce() {}
}
