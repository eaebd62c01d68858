package dev.harbor.application.system;

import dev.harbor.domain.health.HealthReading;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Heartbeats from devices beside the gateway (kiosks, screens, scanners) and their health. */
public interface ExternalDevices extends RecordHeartbeat {

    /** Every device's latest heartbeat and its health now, ordered by device id. */
    List<DeviceView> devices();

    /** A device as its latest heartbeat left it; {@code lastHeartbeatAt} is the gateway's receipt time. */
    record DeviceView(
            String deviceId,
            String deviceType,
            String status,
            String softwareVersion,
            Map<String, Object> details,
            Instant lastHeartbeatAt,
            HealthReading health) {}
}
