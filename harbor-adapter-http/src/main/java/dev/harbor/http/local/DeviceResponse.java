package dev.harbor.http.local;

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
        return new DeviceResponse(
                view.deviceId(),
                view.deviceType(),
                view.status(),
                view.softwareVersion(),
                view.lastHeartbeatAt(),
                view.health().health().name(),
                view.health().deadSince());
    }
}
