package dev.harbor.app;

import dev.harbor.application.port.ControllerDiscovery;
import java.time.Duration;
import java.util.List;

/** mDNS off: the default unless an interface address is configured. */
enum NoDiscovery implements ControllerDiscovery {
    INSTANCE;

    @Override
    public boolean isEnabled() {
        return false;
    }

    @Override
    public List<Found> scan(Duration window) {
        return List.of();
    }

    @Override
    public void reannounce() {
    }
}
