package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.application.system.GatewayHealth;
import dev.harbor.application.system.GatewayInfo;
import dev.harbor.application.system.LogLine;
import dev.harbor.domain.health.Health;
import dev.harbor.domain.health.HealthReading;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SystemRoutesTest extends ApiTest {

    @Test
    void health_is_200_when_up() {
        JsonNode health = client.get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("database").asText()).isEqualTo("UP");
        assertThat(health.at("/controllers/total").asInt()).isEqualTo(2);
        assertThat(health.get("uptimeSeconds").asLong()).isEqualTo(12);
    }

    @Test
    void health_is_200_and_degraded_when_a_controller_is_offline() {
        gateway.health = new GatewayHealth(
                GatewayHealth.Status.DEGRADED, true, new GatewayInfo.ControllerCounts(2, 1), "0.1.0", 5);
        ApiClient.Reply reply = client.get("/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("DEGRADED");
    }

    @Test
    void health_is_503_and_down_when_the_database_is_unreachable() {
        gateway.health =
                new GatewayHealth(GatewayHealth.Status.DOWN, false, new GatewayInfo.ControllerCounts(2, 2), "0.1.0", 5);
        ApiClient.Reply reply = client.get("/health");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("database").asText()).isEqualTo("DOWN");
    }

    @Test
    void a_heartbeat_is_recorded_with_the_receipt_time_and_listed_with_its_health() {
        ApiClient.Reply reply = client.post(
                "/system/heartbeat",
                "{\"deviceId\": \"kiosk-1\", \"deviceType\": \"KIOSK\","
                        + " \"status\": \"OK\", \"softwareVersion\": \"4.2.0\", \"details\": {\"screen\": \"on\", \"temp\": 41}}");
        assertThat(reply.json().get("success").asBoolean()).isTrue();
        assertThat(gateway.heartbeats.get(0).details()).containsEntry("temp", 41);
        JsonNode device = client.get("/system/devices").json().get(0);
        assertThat(device.get("deviceId").asText()).isEqualTo("kiosk-1");
        assertThat(device.get("lastHeartbeatAt").asText()).isEqualTo("2026-02-20T22:56:40.123Z");
        assertThat(device.get("health").asText()).isEqualTo("HEALTHY");
        assertThat(device.get("deadSince").isNull()).isTrue();
    }

    @Test
    void a_heartbeat_needs_only_a_device_id() {
        assertThat(client.post("/system/heartbeat", "{\"deviceId\": \"scanner\"}")
                        .status())
                .isEqualTo(200);
        assertThat(client.get("/system/devices").json().get(0).get("deviceType").isNull())
                .isTrue();
    }

    @Test
    void a_dead_device_shows_since_when() {
        client.post("/system/heartbeat", "{\"deviceId\": \"screen\"}");
        gateway.deviceHealth = new HealthReading(Health.DEAD, Instant.parse("2026-02-20T23:00:00Z"));
        JsonNode device = client.get("/system/devices").json().get(0);
        assertThat(device.get("health").asText()).isEqualTo("DEAD");
        assertThat(device.get("deadSince").asText()).isEqualTo("2026-02-20T23:00:00.000Z");
    }

    @Test
    void a_heartbeat_with_an_overlong_field_is_refused() {
        client.post("/system/heartbeat", "{\"deviceId\": \"" + "d".repeat(129) + "\"}")
                .error(400, "INVALID_REQUEST");
        client.post("/system/heartbeat", "{\"deviceId\": \"   \"}").error(400, "INVALID_REQUEST");
    }

    @Test
    void system_information_shows_counts_network_and_settings() {
        JsonNode system = client.get("/system").json();
        assertThat(system.get("gatewayId").asText()).isEqualTo("gw-1");
        assertThat(system.get("name").asText()).isEqualTo("Lobby");
        assertThat(system.get("hostname").asText()).isEqualTo("harbor-box");
        assertThat(system.at("/network/interfaces/0/ipv4").asText()).isEqualTo("192.168.1.20");
        assertThat(system.get("storage").asText()).isEqualTo("sqlite");
        assertThat(system.at("/lockers/occupied").asInt()).isEqualTo(1);
        assertThat(system.at("/config/doorOpenPolicy/attemptTimeoutMs").asLong())
                .isEqualTo(20_000);
        assertThat(system.at("/config/doorOpenPolicy/maxAttempts").asInt()).isEqualTo(3);
        assertThat(system.at("/config/heartbeat/deadAfterMs").asLong()).isEqualTo(30_000);
        assertThat(system.at("/config/logLevel").asText()).isEqualTo("INFO");
    }

    @Test
    void patching_the_system_changes_only_the_given_settings() {
        JsonNode system = client.adminPatch(
                        "/system",
                        "{\"name\": \"Front desk\", \"doorOpenPolicy\": {\"maxAttempts\": 5},"
                                + " \"heartbeat\": {\"longDeadAfterMs\": 3600000}, \"logLevel\": \"DEBUG\"}")
                .json();
        assertThat(system.get("name").asText()).isEqualTo("Front desk");
        assertThat(system.at("/config/doorOpenPolicy/maxAttempts").asInt()).isEqualTo(5);
        assertThat(system.at("/config/doorOpenPolicy/delayMs").asLong()).isEqualTo(1000);
        assertThat(system.at("/config/heartbeat/longDeadAfterMs").asLong()).isEqualTo(3_600_000);
        assertThat(system.at("/config/heartbeat/unhealthyAfterMs").asLong()).isEqualTo(15_000);
        assertThat(system.at("/config/logLevel").asText()).isEqualTo("DEBUG");
        assertThat(gateway.settings.doorOpen().attemptTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void an_empty_patch_changes_nothing() {
        assertThat(client.adminPatch("/system", "{}").json().get("name").asText())
                .isEqualTo("Lobby");
    }

    @Test
    void invalid_settings_are_refused_and_nothing_changes() {
        client.adminPatch("/system", "{\"doorOpenPolicy\": {\"maxAttempts\": 11}}")
                .error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"doorOpenPolicy\": {\"attemptTimeoutMs\": 0}}")
                .error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"doorOpenPolicy\": {\"delayMs\": -5}}").error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"heartbeat\": {\"deadAfterMs\": 0}}").error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"name\": \"\"}").error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"name\": \"" + "n".repeat(101) + "\"}").error(400, "INVALID_REQUEST");
        client.adminPatch("/system", "{\"logLevel\": \"info\"}").error(400, "INVALID_REQUEST");
        assertThat(client.get("/system").json().get("config"))
                .isEqualTo(client.get("/system").json().get("config"));
        assertThat(gateway.settings.doorOpen().maxAttempts()).isEqualTo(3);
        assertThat(gateway.settings.name()).isEqualTo("Lobby");
    }

    @Test
    void logs_are_listed_with_the_filters_passed_through() {
        gateway.logLines.add(
                new LogLine(Instant.parse("2026-02-20T22:00:00.5Z"), "WARN", "dev.harbor.Board", "Board 1 slow", null));
        gateway.logLines.add(new LogLine(
                Instant.parse("2026-02-20T21:00:00Z"),
                "ERROR",
                "dev.harbor.Board",
                "Board 1 lost",
                "IOException: link down"));
        JsonNode logs = client.adminGet("/system/logs?level=WARN&limit=50&since=2026-02-20T20:00:00.000Z")
                .json();
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).get("timestamp").asText()).isEqualTo("2026-02-20T22:00:00.500Z");
        assertThat(logs.get(1).get("error").asText()).isEqualTo("IOException: link down");
        assertThat(gateway.lastLogLevel).isEqualTo("WARN");
        assertThat(gateway.lastLogLimit).isEqualTo(50);
        assertThat(gateway.lastLogSince).isEqualTo(Instant.parse("2026-02-20T20:00:00Z"));
    }

    @Test
    void logs_are_for_admins_only_because_they_name_admins_addresses_and_controllers() {
        client.get("/system/logs").error(401, "UNAUTHORIZED");
        assertThat(gateway.lastLogLimit).isZero();
    }

    @Test
    void logs_default_to_200_entries_of_every_level() {
        assertThat(client.adminGet("/system/logs").json()).isEmpty();
        assertThat(gateway.lastLogLimit).isEqualTo(200);
        assertThat(gateway.lastLogLevel).isNull();
        assertThat(gateway.lastLogSince).isNull();
    }
}
