package dev.harbor.app;

import dev.harbor.application.port.ControllerDiscovery;
import dev.harbor.hardware.mdns.JmdnsControllerDiscovery;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * mDNS for the standalone server. The gateway's announcement carries its HTTP port, known only
 * once the server listens (port 0 = any), so JmDNS starts then; until then a scan finds nothing.
 * Off, and never touching the network, when no interface address is configured.
 */
final class LateDiscovery implements ControllerDiscovery, AutoCloseable {

    private final Optional<InetAddress> address;
    private volatile JmdnsControllerDiscovery started;

    LateDiscovery(Optional<InetAddress> address) {
        this.address = address;
    }

    void start(JmdnsControllerDiscovery.GatewayAnnouncement announcement) {
        address.ifPresent(a -> started = JmdnsControllerDiscovery.start(a, announcement));
    }

    @Override
    public boolean isEnabled() {
        return address.isPresent();
    }

    @Override
    public List<Found> scan(Duration window) {
        JmdnsControllerDiscovery discovery = started;
        return discovery == null ? List.of() : discovery.scan(window);
    }

    @Override
    public void reannounce() {
        JmdnsControllerDiscovery discovery = started;
        if (discovery != null) {
            discovery.reannounce();
        }
    }

    @Override
    public void close() {
        JmdnsControllerDiscovery discovery = started;
        started = null;
        if (discovery != null) {
            discovery.close();
        }
    }
}
