package dev.harbor.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.application.port.ExternalDeviceStore;
import dev.harbor.persistence.internal.Access;
import dev.harbor.persistence.internal.Columns;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ExternalDeviceStore} on the {@code external_devices} table, one row per device. The
 * free-form {@code details} are kept as JSON text, which reads back as Jackson reads any JSON.
 */
public final class JdbiExternalDeviceStore implements ExternalDeviceStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final Access db;

    JdbiExternalDeviceStore(Access db) {
        this.db = db;
    }

    @Override
    public void record(Heartbeat heartbeat) {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(heartbeat.deviceId(), "deviceId");
        Objects.requireNonNull(heartbeat.receivedAt(), "receivedAt");
        String details = toJson(heartbeat.details());
        db.write(h -> h.createUpdate("INSERT INTO external_devices "
                        + "(device_id, device_type, status, software_version, details, received_at) "
                        + "VALUES (:id, :type, :status, :version, :details, :receivedAt) "
                        + "ON CONFLICT (device_id) DO UPDATE SET device_type = excluded.device_type, "
                        + "status = excluded.status, software_version = excluded.software_version, "
                        + "details = excluded.details, received_at = excluded.received_at")
                .bind("id", heartbeat.deviceId())
                .bind("type", heartbeat.deviceType())
                .bind("status", heartbeat.status())
                .bind("version", heartbeat.softwareVersion())
                .bind("details", details)
                .bind("receivedAt", Columns.millis(heartbeat.receivedAt()))
                .execute());
    }

    @Override
    public List<Heartbeat> latest() {
        return db.read(h -> h
                .createQuery("SELECT device_id, device_type, status, software_version, details, received_at "
                        + "FROM external_devices")
                .map((rs, ctx) -> new Heartbeat(
                        rs.getString("device_id"),
                        rs.getString("device_type"),
                        rs.getString("status"),
                        rs.getString("software_version"),
                        fromJson(rs.getString("details")),
                        Columns.instant(rs, "received_at")))
                .list()
                .stream()
                // Sorted here, not in SQL: PostgreSQL's collation would order ids differently from SQLite.
                .sorted(Comparator.comparing(Heartbeat::deviceId))
                .toList());
    }

    private static String toJson(Map<String, Object> details) {
        if (details == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("heartbeat details cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored heartbeat details are not JSON", e);
        }
    }
}
