package dev.harbor.application.port;

import java.time.Duration;
import java.util.List;

/** Finding network lock controllers on the LAN (mDNS), and announcing the gateway. */
public interface ControllerDiscovery {

    record Found(String name, String host, int port, String protocol, int boardAddress, int locks) {}

    /** Whether discovery is configured (mDNS is off unless bound to an explicit address). */
    boolean isEnabled();

    /** Browses for lock controllers for at most {@code window}. */
    List<Found> scan(Duration window);

    /** Announces the gateway again (after a network change). */
    void reannounce();

    /** mDNS is off (no interface address configured): nothing is announced and nothing is found. */
    ControllerDiscovery DISABLED = new ControllerDiscovery() {
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
    };
}
