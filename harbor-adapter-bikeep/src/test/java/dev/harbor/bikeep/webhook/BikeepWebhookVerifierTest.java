package dev.harbor.bikeep.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.harbor.application.port.WebhookVerifier.Event;
import dev.harbor.application.port.WebhookVerifier.Verdict;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The hash is checked over the data bytes exactly as sent; every expected HMAC is computed here. */
class BikeepWebhookVerifierTest {

    private static final String SEED = "seed-for-tests-7f3a";
    private static final String EVENT =
            "{\"location_id\":\"loc-1\",\"device_id\":\"dev-7\",\"connection\":\"offline\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";

    private final BikeepWebhookVerifier verifier = new BikeepWebhookVerifier(SEED);

    static String hmac(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String hmac(String key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] envelope(String type, String data, String hashField) {
        return ("{\"type\":\"" + type + "\",\"data\":" + data + ",\"version\":2" + hashField + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] signed(String type, String data) {
        return envelope(type, data, ",\"hash\":\"" + hmac(SEED, data) + "\"");
    }

    private Verdict.Authentic authentic(byte[] body) {
        Verdict verdict = verifier.verify(body);
        assertThat(verdict).isInstanceOf(Verdict.Authentic.class);
        return (Verdict.Authentic) verdict;
    }

    @Test
    void a_right_hash_makes_the_delivery_authentic_and_its_events_are_read() {
        Verdict.Authentic delivery = authentic(signed("connection", EVENT));

        assertThat(delivery.type()).isEqualTo("connection");
        assertThat(delivery.deliveryId()).isEqualTo(hmac(SEED, EVENT));
        assertThat(delivery.events())
                .containsExactly(new Event(
                        "loc-1", "dev-7", "offline", null, null, null, Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void a_wrong_hash_is_not_authentic() {
        byte[] body = envelope("connection", EVENT, ",\"hash\":\"" + hmac("another-seed", EVENT) + "\"");

        assertThat(verifier.verify(body)).isEqualTo(new Verdict.NotAuthentic("the hash does not match"));
    }

    @Test
    void a_missing_or_non_string_hash_is_not_authentic() {
        assertThat(verifier.verify(envelope("connection", EVENT, "")))
                .isEqualTo(new Verdict.NotAuthentic("the hash is missing"));
        assertThat(verifier.verify(envelope("connection", EVENT, ",\"hash\":null")))
                .isInstanceOf(Verdict.NotAuthentic.class);
        assertThat(verifier.verify(envelope("connection", EVENT, ",\"hash\":42")))
                .isInstanceOf(Verdict.NotAuthentic.class);
    }

    @Test
    void the_hash_must_be_lowercase_hex_as_the_spec_writes_it() {
        String upper = hmac(SEED, EVENT).toUpperCase(Locale.ROOT);

        assertThat(verifier.verify(envelope("connection", EVENT, ",\"hash\":\"" + upper + "\"")))
                .isInstanceOf(Verdict.NotAuthentic.class);
    }

    @Test
    void the_hash_covers_the_data_bytes_as_sent_with_their_whitespace_and_escapes() {
        String odd = "{ \"location_id\" :\t\"loc\\u002d1\" ,\n  \"device_id\":\"d\u00e9v\\/7\",\r\n"
                + "  \"alarm_reason\" : \"case \\\"opened\\\"\"  }";
        String compact =
                "{\"location_id\":\"loc-1\",\"device_id\":\"d\u00e9v/7\",\"alarm_reason\":\"case \\\"opened\\\"\"}";

        Verdict.Authentic delivery = authentic(signed("alarm", odd));

        assertThat(delivery.events().get(0).locationId()).isEqualTo("loc-1");
        assertThat(delivery.events().get(0).deviceId()).isEqualTo("dév/7");
        assertThat(delivery.events().get(0).alarmReason()).isEqualTo("case \"opened\"");
        // The same data written out again (what a re-serialising check would hash) does not match.
        assertThat(verifier.verify(envelope("alarm", odd, ",\"hash\":\"" + hmac(SEED, compact) + "\"")))
                .isInstanceOf(Verdict.NotAuthentic.class);
    }

    @Test
    void the_hash_is_over_the_utf_8_bytes_of_the_data() {
        String data = "{\"location_id\":\"Tallinn \u00fcks \u20ac\"}";
        byte[] utf8 = data.getBytes(StandardCharsets.UTF_8);

        Verdict.Authentic delivery = authentic(envelope("status", data, ",\"hash\":\"" + hmac(SEED, utf8) + "\""));

        assertThat(delivery.events().get(0).locationId()).isEqualTo("Tallinn üks €");
    }

    @Test
    void the_hash_may_come_before_the_data_and_other_fields_are_ignored() {
        String body = "{\"hash\":\"" + hmac(SEED, EVENT)
                + "\",\"extra\":{\"a\":[1,2]},\"type\":\"connection\",\"data\":" + EVENT + "}";

        assertThat(authentic(body.getBytes(StandardCharsets.UTF_8)).events()).hasSize(1);
    }

    @Test
    void an_array_of_events_is_read_in_order() {
        String data = "[" + EVENT + ", {\"location_id\":\"loc-2\",\"connection\":\"online\"} ]";

        Verdict.Authentic delivery = authentic(signed("connection", data));

        assertThat(delivery.events()).extracting(Event::locationId).containsExactly("loc-1", "loc-2");
        assertThat(delivery.events().get(1).deviceId()).isNull();
        assertThat(delivery.events().get(1).timestamp()).isNull();
    }

    @Test
    void numeric_ids_are_read_as_text_and_a_timestamp_with_an_offset_is_understood() {
        String data = "{\"location_id\":17,\"device_id\":4711,\"timestamp\":\"2026-01-01T02:00:00+02:00\"}";

        Event event = authentic(signed("status", data)).events().get(0);

        assertThat(event.locationId()).isEqualTo("17");
        assertThat(event.deviceId()).isEqualTo("4711");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void a_body_that_is_not_json_or_not_the_envelope_is_malformed() {
        for (String body : List.of(
                "",
                "not json",
                "{\"type\":\"connection\",\"data\":" + EVENT,
                "[1,2]",
                "{\"type\":\"connection\",\"hash\":\"" + hmac(SEED, EVENT) + "\"}",
                "{\"type\":\"connection\",\"data\":\"text\",\"hash\":\"x\"}",
                "{\"type\":\"connection\",\"data\":" + EVENT + "} {}")) {
            assertThat(verifier.verify(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOf(Verdict.Malformed.class);
        }
    }

    @Test
    void a_second_data_field_makes_the_body_malformed_so_the_hash_cannot_cover_one_and_the_events_come_from_another() {
        String forged = "{\"location_id\":\"loc-9\",\"alarm_reason\":\"forged\"}";
        String body = "{\"type\":\"alarm\",\"data\":" + EVENT + ",\"hash\":\"" + hmac(SEED, EVENT) + "\",\"data\":"
                + forged + "}";

        assertThat(verifier.verify(body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Verdict.Malformed("the body gives a field twice"));
    }

    @Test
    void an_authentic_delivery_with_a_bad_event_or_no_type_is_malformed() {
        assertThat(verifier.verify(signed("status", "{\"device_id\":\"dev-7\"}")))
                .isEqualTo(new Verdict.Malformed("data.location_id is missing"));
        assertThat(verifier.verify(signed("status", "[" + EVENT + ", 3]")))
                .isEqualTo(new Verdict.Malformed("data[1] must be an event object"));
        assertThat(verifier.verify(signed("status", "{\"location_id\":\"l\",\"timestamp\":\"yesterday\"}")))
                .isInstanceOf(Verdict.Malformed.class);
        assertThat(verifier.verify(signed("status", "{\"location_id\":\"l\",\"status\":{\"a\":1}}")))
                .isInstanceOf(Verdict.Malformed.class);
        String noType = "{\"data\":" + EVENT + ",\"hash\":\"" + hmac(SEED, EVENT) + "\"}";
        assertThat(verifier.verify(noType.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Verdict.Malformed("type must be a non-empty string"));
    }

    @Test
    void a_bad_event_behind_a_wrong_hash_is_refused_as_not_authentic_before_it_is_read() {
        byte[] body = envelope("status", "{\"device_id\":\"dev-7\"}", ",\"hash\":\"" + "0".repeat(64) + "\"");

        assertThat(verifier.verify(body)).isInstanceOf(Verdict.NotAuthentic.class);
    }

    @Test
    void the_seed_appears_in_no_verdict_and_a_blank_seed_is_refused_without_being_quoted() {
        List<byte[]> bodies = List.of(
                signed("alarm", EVENT),
                envelope("alarm", EVENT, ""),
                envelope("alarm", EVENT, ",\"hash\":\"" + "0".repeat(64) + "\""),
                "{".getBytes(StandardCharsets.UTF_8));
        for (byte[] body : bodies) {
            assertThat(verifier.verify(body).toString()).doesNotContain(SEED);
        }
        assertThat(verifier.toString()).doesNotContain(SEED);
        assertThatThrownBy(() -> new BikeepWebhookVerifier("   ")).hasMessageNotContaining("   ");
    }

    @Test
    void a_delivery_posted_by_the_bikeep_simulator_is_authentic_and_a_wrong_one_is_not() throws Exception {
        List<byte[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (BikeepSimulator sim =
                BikeepSimulator.start(BikeepSimulator.Settings.defaults().withWebhookSeed(SEED))) {
            URI target = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
            sim.postWebhook(target, "alarm", "[ {\"location_id\":\"loc-1\", \"alarm_reason\":\"case opened\"} ]", true);
            sim.postWebhook(target, "alarm", "{\"location_id\":\"loc-1\"}", false);
        } finally {
            receiver.stop(0);
        }

        assertThat(verifier.verify(received.get(0))).isInstanceOf(Verdict.Authentic.class);
        assertThat(verifier.verify(received.get(1))).isInstanceOf(Verdict.NotAuthentic.class);
    }
}
