package dev.harbor.app;

import dev.harbor.application.port.HostSystem;
import java.util.List;

/** For an embedded Harbor that is not told about its host: no network details, no reboot. */
enum NoHostSystem implements HostSystem {
    INSTANCE;

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
}
