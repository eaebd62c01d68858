package dev.harbor.http.local;

import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.application.system.ExternalDevices;
import java.time.Instant;

/** One entry of {@code GET /system/devices}. */
public record DeviceResponse(
        String deviceId,
        String deviceType,
        String status,
        String softwareVersion,
        Instant lastHeartbeatAt,
        String health,
        Instant deadSince) {

    public static DeviceResponse from(ExternalDevices.DeviceView view) {
        ExternalDeviceStore.Heartbeat latest = view.latest();
        return new DeviceResponse(
                latest.deviceId(),
                latest.deviceType(),
                latest.status(),
                latest.softwareVersion(),
                latest.receivedAt(),
                view.health().health().name(),
                view.health().deadSince());
    }
}
