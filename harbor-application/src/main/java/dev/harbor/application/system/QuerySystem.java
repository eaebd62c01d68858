package dev.harbor.application.system;

import dev.harbor.application.port.HostSystem;

/** Gateway information, health, and the network part that can be re-read on demand. */
public interface QuerySystem {

    GatewayInfo info();

    GatewayHealth health();

    /** Re-reads the host's network information and re-announces the gateway. */
    HostSystem.Network refreshNetwork();
}
