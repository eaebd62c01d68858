package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.logging.MemoryLogBook;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.application.port.AuditTrail;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bikeep's webhooks end to end: a real gateway on SQLite with the Bikeep integration configured
 * against the Bikeep simulator, which posts the deliveries with its own idea of the hash.
 */
class WebhookGatewayTest {

    private static final String SEED = "webhook-seed-e2e-5d1c9b";
    private static final String ALARM = "{\"location_id\":\"loc-1\",\"device_id\":\"dev-7\","
            + "\"alarm_reason\":\"case opened\",\"alarm_category\":\"vandalism\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
    private static final String CONNECTION =
            "[ {\"location_id\":\"loc-1\", \"device_id\":\"dev-7\", \"connection\":\"offline\"},"
                    + " {\"location_id\":\"loc-2\", \"connection\":\"online\"} ]";

    @TempDir
    java.nio.file.Path dir;

    private BikeepSimulator sim;
    private HarborServer server;
    private AdminHttp http;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults()
                .withClientCredentials("demo", "demo-secret-123")
                .withWebhookSeed(SEED));
        server = startServer(bikeep(true));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        sim.close();
    }

    private Map<String, String> bikeep(boolean credentials) {
        Map<String, String> env = new HashMap<>();
        if (credentials) {
            env.put("HARBOR_BIKEEP_CLIENT_ID", "demo");
            env.put("HARBOR_BIKEEP_CLIENT_SECRET", "demo-secret-123");
        }
        env.put("HARBOR_BIKEEP_AUTH_URL", sim.baseUri().toString());
        env.put("HARBOR_BIKEEP_API_URL", sim.baseUri().toString());
        env.put("HARBOR_BIKEEP_WEBHOOK_SEED", SEED);
        return env;
    }

    private HarborServer startServer(Map<String, String> bikeep) {
        Map<String, String> env = new HashMap<>(bikeep);
        env.put("HARBOR_DATA_DIR", dir.toString());
        env.put("HARBOR_HTTP_HOST", "127.0.0.1");
        env.put("HARBOR_HTTP_PORT", "0");
        env.put("HARBOR_ADMIN_USERNAME", AdminGatewayTest.USER);
        env.put("HARBOR_ADMIN_PASSWORD", AdminGatewayTest.PASSWORD);
        HarborServer started = HarborServer.start(ConfigLoader.load(env), AdminGatewayTest.TUNING);
        http = new AdminHttp(started.port());
        return started;
    }

    private URI target() {
        return URI.create("http://127.0.0.1:" + server.port() + "/bikeep/webhooks");
    }

    /** The envelope as the simulator writes it, with the hash computed here, independently. */
    private AdminHttp.Reply post(String type, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SEED.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hash = HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        return http.send(
                "POST",
                "/bikeep/webhooks",
                "{\"type\":\"" + type + "\",\"data\":" + data + ",\"version\":2,\"hash\":\"" + hash + "\"}");
    }

    private List<AuditTrail.Entry> alarmsAudited() {
        return server.harbor().stores().auditTrail().recent(1000, null).stream()
                .filter(entry -> entry.action().equals("bikeep.alarm"))
                .toList();
    }

    private List<String> auditedInLogs() throws Exception {
        AdminHttp.Reply logs =
                http.send("GET", "/system/logs?limit=1000", null, "Authorization", AdminGatewayTest.BASIC);
        assertThat(logs.status()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        for (JsonNode line : logs.body()) {
            if (line.get("logger").asText().equals("audit")) {
                lines.add(line.get("message").asText());
            }
        }
        return lines;
    }

    @Test
    void a_delivery_with_the_right_hash_is_accepted_once_and_the_same_delivery_again_accepts_nothing()
            throws Exception {
        assertThat(sim.postWebhook(target(), "connection", CONNECTION, true)).isEqualTo(200);

        AdminHttp.Reply again = post("connection", CONNECTION);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("accepted").asInt()).isZero();

        AdminHttp.Reply other = post("connection", "{\"location_id\":\"loc-3\",\"connection\":\"offline\"}");
        assertThat(other.body().get("accepted").asInt()).isEqualTo(1);
        AdminHttp.Reply batch = post("status", "[" + ALARM + "," + ALARM + "]");
        assertThat(batch.body().get("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void a_wrong_hash_is_refused_with_401_and_nothing_is_recorded() throws Exception {
        assertThat(sim.postWebhook(target(), "alarm", ALARM, false)).isEqualTo(401);

        assertThat(alarmsAudited()).isEmpty();
        // Not recorded as seen either: the genuine delivery of the same data is still taken.
        assertThat(post("alarm", ALARM).body().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void an_alarm_is_audited_once_visible_in_the_admin_log_and_remembered_across_a_restart() throws Exception {
        assertThat(sim.postWebhook(target(), "alarm", ALARM, true)).isEqualTo(200);
        assertThat(sim.postWebhook(target(), "alarm", ALARM, true)).isEqualTo(200);

        assertThat(alarmsAudited()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("bikeep");
            assertThat(entry.target()).isEqualTo("device dev-7 at location loc-1");
            assertThat(entry.detail()).contains("case opened", "vandalism");
        });
        assertThat(auditedInLogs()).anySatisfy(line -> assertThat(line).contains("bikeep.alarm", "case opened"));

        server.close();
        server = startServer(bikeep(true));

        assertThat(post("alarm", ALARM).body().get("accepted").asInt()).isZero();
        assertThat(alarmsAudited()).hasSize(1);
    }

    @Test
    void a_malformed_delivery_is_400() throws Exception {
        AdminHttp.Reply reply = http.send("POST", "/bikeep/webhooks", "{\"type\":\"alarm\",\"data\":");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void the_seed_never_reaches_a_log_line_or_an_error_body() throws Exception {
        List<String> bodies = new ArrayList<>();
        sim.postWebhook(target(), "alarm", ALARM, true);
        sim.postWebhook(target(), "connection_confirmed", "{\"location_id\":\"loc-1\"}", true);
        sim.postWebhook(target(), "alarm", "{\"location_id\":\"loc-9\"}", false);
        bodies.add(String.valueOf(
                http.send("POST", "/bikeep/webhooks", "{\"data\":{}}").body()));
        bodies.add(String.valueOf(http.send("POST", "/bikeep/webhooks", "{").body()));
        bodies.add(String.valueOf(
                http.send("POST", "/bikeep/webhooks", "{\"type\":\"x\",\"data\":{},\"hash\":\"" + SEED + "\"}")
                        .body()));

        List<String> logged = MemoryLogBook.installed().recent(null, 5000, null).stream()
                .map(e -> e.message() + " " + e.error())
                .toList();

        assertThat(logged).anySatisfy(line -> assertThat(line).contains("Bikeep alarm"));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("Bikeep webhook refused"));
        assertThat(String.join("\n", logged)).doesNotContain(SEED);
        assertThat(String.join("\n", bodies)).doesNotContain(SEED);
    }

    @Test
    void with_a_seed_but_the_bikeep_integration_off_every_delivery_is_refused() throws Exception {
        server.close();
        server = startServer(bikeep(false));

        assertThat(sim.postWebhook(target(), "alarm", ALARM, true)).isEqualTo(401);
        assertThat(alarmsAudited()).isEmpty();
    }
}
