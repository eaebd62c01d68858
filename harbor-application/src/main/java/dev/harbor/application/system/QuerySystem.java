package dev.harbor.application.system;

/** Gateway information, health, and the network part that can be re-read on demand. */
public interface QuerySystem {

    GatewayInfo info();

    GatewayHealth health();

    /** Re-reads the host's network information and re-announces the gateway. */
    NetworkView refreshNetwork();
}
