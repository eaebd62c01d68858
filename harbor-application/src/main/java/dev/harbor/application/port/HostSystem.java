package dev.harbor.application.port;

import java.util.List;

/** The computer the gateway runs on: its network identity, and rebooting it. */
public interface HostSystem {

    record NetworkInterface(String name, String ipv4, String ipv6, String mac) {}

    record Network(String hostname, List<NetworkInterface> interfaces) {}

    /** Reads the network information afresh. */
    Network readNetwork();

    /** Whether a reboot command is configured. */
    boolean canReboot();

    /** Runs the configured reboot command; only called after the gateway has shut down cleanly. */
    void reboot();

    /** A host Harbor is told nothing about (an embedded Harbor by default): no network details, no reboot. */
    HostSystem UNKNOWN = new HostSystem() {
        @Override
        public Network readNetwork() {
            return new Network("unknown", List.of());
        }

        @Override
        public boolean canReboot() {
            return false;
        }

        @Override
        public void reboot() {
            throw new IllegalStateException("reboot is not configured");
        }
    };
}
