package dev.harbor.application.system;

import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.domain.health.HealthReading;
import java.util.List;

/** Heartbeats from devices beside the gateway (kiosks, screens, scanners) and their health. */
public interface ExternalDevices {

    void recordHeartbeat(ExternalDeviceStore.Heartbeat heartbeat);

    List<DeviceView> devices();

    record DeviceView(ExternalDeviceStore.Heartbeat latest, HealthReading health) {}
}
