package dev.harbor.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Devices beside the gateway (kiosks, screens, scanners) that send heartbeats. */
public interface ExternalDeviceStore {

    record Heartbeat(
            String deviceId,
            String deviceType,
            String status,
            String softwareVersion,
            Map<String, Object> details,
            Instant receivedAt) {}

    /** Keeps the latest heartbeat of each device. */
    void record(Heartbeat heartbeat);

    /** The latest heartbeat of every device, ordered by device id. */
    List<Heartbeat> latest();
}
