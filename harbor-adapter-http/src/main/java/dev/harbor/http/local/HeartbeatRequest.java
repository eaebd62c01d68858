package dev.harbor.http.local;

import java.util.Map;

/** {@code DeviceHeartbeatRequest}: sent by a kiosk, screen or scanner beside the gateway. */
public record HeartbeatRequest(
        String deviceId, String deviceType, String status, String softwareVersion, Map<String, Object> details) {}
