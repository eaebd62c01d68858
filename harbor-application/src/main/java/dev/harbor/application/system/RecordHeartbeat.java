package dev.harbor.application.system;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device beside the gateway (kiosk, screen, scanner) says it is alive. The gateway stamps the
 * heartbeat with its own clock when it receives it: a device's clock is not trusted.
 */
public interface RecordHeartbeat {

    void recordHeartbeat(HeartbeatCommand heartbeat);

    /**
     * What a device reports. {@code deviceId} is required; every text is at most
     * {@value #MAX_FIELD} characters; {@code details} is free-form and may be empty.
     */
    record HeartbeatCommand(
            String deviceId, String deviceType, String status, String softwareVersion, Map<String, Object> details) {

        public static final int MAX_FIELD = 128;

        public HeartbeatCommand {
            if (deviceId == null || deviceId.isBlank()) {
                throw new InvalidValueException("deviceId", "deviceId is required");
            }
            requireLength("deviceId", deviceId);
            requireLength("deviceType", deviceType);
            requireLength("status", status);
            requireLength("softwareVersion", softwareVersion);
            // Not Map.copyOf: a device may send null values, and they are kept as sent.
            details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        private static void requireLength(String field, String value) {
            if (value != null && value.length() > MAX_FIELD) {
                throw new InvalidValueException(field, field + " must be at most " + MAX_FIELD + " characters");
            }
        }
    }
}
