package dev.harbor.bikeep.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks posted by the simulator, checked by a receiver that computes the HMAC itself. */
class SimulatorWebhookTest {

    private static final String SEED = "webhook-seed-42";

    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private BikeepSimulator sim;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        receiver.stop(0);
    }

    private URI target() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    }

    private static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** The data value exactly as written: from the first character after "data": to the one before ,"version". */
    private static String rawData(String body) {
        int start = body.indexOf("\"data\":") + "\"data\":".length();
        int end = body.lastIndexOf(",\"version\"");
        return body.substring(start, end);
    }

    @Test
    void a_right_hash_is_the_hmac_of_the_data_bytes_as_written_keyed_with_the_seed() throws Exception {
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults().withWebhookSeed(SEED));
        String data =
                "[ {\"location_id\":\"loc-1\", \"connection\":\"offline\",\"timestamp\":\"2026-01-01T00:00:00Z\"} ]";

        int status = sim.postWebhook(target(), "connection", data, true);

        assertThat(status).isEqualTo(204);
        String body = bodies.get(0);
        JsonNode envelope = BikeepHttp.MAPPER.readTree(body);
        assertThat(envelope.get("type").asText()).isEqualTo("connection");
        assertThat(envelope.get("version").asInt()).isEqualTo(2);
        assertThat(rawData(body)).isEqualTo(data);
        assertThat(envelope.get("hash").asText()).isEqualTo(hmac(SEED, data)).matches("[0-9a-f]{64}");
    }

    @Test
    void a_wrong_hash_is_well_formed_but_not_the_hmac() throws Exception {
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults().withWebhookSeed(SEED));
        String data = "{\"location_id\":\"loc-1\",\"alarm_reason\":\"CASE_OPENED\"}";

        sim.postWebhook(target(), "alarm", data, false);

        String hash = BikeepHttp.MAPPER.readTree(bodies.get(0)).get("hash").asText();
        assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(hmac(SEED, data));
    }

    @Test
    void a_right_hash_needs_a_seed_and_data_must_be_json() {
        sim = BikeepSimulator.start(BikeepSimulator.Settings.defaults());

        assertThatThrownBy(() -> sim.postWebhook(target(), "status", "{}", true))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sim.postWebhook(target(), "status", "{not json", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void with_a_target_the_cloud_posts_connection_changes_itself_with_the_right_hash() throws Exception {
        sim = BikeepSimulator.start(
                BikeepSimulator.Settings.defaults().withWebhookSeed(SEED).withWebhookTarget(target()));
        String location = sim.addLocation("BIKE_LOCKERS", "Office A", 1);
        String device = sim.deviceIds(location).get(0);

        sim.setDeviceOnline(device, false);

        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (bodies.isEmpty() && System.nanoTime() < deadline) {
            BikeepHttp.pause(10);
        }
        String body = bodies.get(0);
        JsonNode envelope = BikeepHttp.MAPPER.readTree(body);
        assertThat(envelope.get("type").asText()).isEqualTo("connection");
        assertThat(envelope.at("/data/device_id").asText()).isEqualTo(device);
        assertThat(envelope.at("/data/location_id").asText()).isEqualTo(location);
        assertThat(envelope.at("/data/connection").asText()).isEqualTo("offline");
        assertThat(envelope.get("hash").asText()).isEqualTo(hmac(SEED, rawData(body)));
    }
}
