package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.webhook.ReceiveWebhooks;
import dev.harbor.application.webhook.ReceiveWebhooks.Receipt;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /bikeep/webhooks} over a scripted {@link ReceiveWebhooks}. */
class WebhookRoutesTest {

    private static final String PATH = "/bikeep/webhooks";
    private static final int MIB = 1024 * 1024;

    /** The use case: keeps every body it is handed and answers {@link #receipt}. */
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    private volatile Receipt receipt = new Receipt.Accepted(1);
    private HttpApi api;
    private ApiClient client;

    private ApiClient start(ReceiveWebhooks webhooks) {
        FakeGateway gateway = new FakeGateway();
        api = HttpApi.builder(gateway.useCases())
                .admin(new FakeAdmin(gateway).useCases())
                .webhooks(webhooks)
                .clock(Clock.fixed(ApiTest.NOW, ZoneOffset.UTC))
                .build();
        return new ApiClient(api.start("127.0.0.1", 0));
    }

    @BeforeEach
    void startServer() {
        client = start(body -> {
            bodies.add(body);
            return receipt;
        });
    }

    @AfterEach
    void stopServer() {
        api.stop();
    }

    private static String envelope(String data) {
        return "{\"type\":\"alarm\",\"data\":" + data + ",\"version\":2,\"hash\":\"" + "0".repeat(64) + "\"}";
    }

    @Test
    void an_accepted_delivery_answers_200_with_its_event_count_and_the_use_case_gets_the_bytes_as_sent() {
        String body =
                envelope("[ {\"location_id\" : \"l\\u002d1\",\n\t\"alarm_reason\":\"\u00e9\"} , {\"location_id\":2} ]");
        receipt = new Receipt.Accepted(2);

        ApiClient.Reply reply = client.post(PATH, body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(bodies).singleElement().isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_delivery_seen_before_answers_200_with_no_event_accepted() {
        receipt = new Receipt.Accepted(0);

        assertThat(client.post(PATH, envelope("{}")).json().get("accepted").asInt())
                .isZero();
    }

    @Test
    void a_delivery_that_is_not_authentic_is_401_unauthorized_without_admin_credentials_being_asked_for() {
        receipt = new Receipt.Refused();

        ApiClient.Reply reply = client.post(PATH, envelope("{}")).error(401, "UNAUTHORIZED");

        assertThat(reply.header("WWW-Authenticate")).isNull();
    }

    @Test
    void a_malformed_delivery_is_400_with_the_reason() {
        receipt = new Receipt.Malformed("data is missing");

        ApiClient.Reply reply = client.post(PATH, "{\"type\":\"alarm\"}").error(400, "INVALID_REQUEST");

        assertThat(reply.json().get("message").asText()).contains("data is missing");
    }

    @Test
    void a_delivery_over_64_KiB_is_taken_because_webhooks_may_carry_up_to_1_MiB() {
        String big = envelope("{\"location_id\":\"" + "x".repeat(MIB - 200) + "\"}");

        assertThat(client.post(PATH, big).status()).isEqualTo(200);
        assertThat(bodies.get(0)).hasSize(big.length());
    }

    @Test
    void a_delivery_over_1_MiB_is_413_and_never_reaches_the_use_case() {
        String big = envelope("{\"location_id\":\"" + "x".repeat(MIB) + "\"}");

        ApiClient.Reply reply = client.post(PATH, big).error(413, "PAYLOAD_TOO_LARGE");

        assertThat(reply.json().at("/details/maxBytes").asText()).isEqualTo(Integer.toString(MIB));
        assertThat(bodies).isEmpty();
    }

    @Test
    void a_streamed_delivery_over_1_MiB_without_a_length_is_413() {
        byte[] big = envelope("{\"location_id\":\"" + "x".repeat(MIB) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher chunked =
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));

        client.send("POST", PATH, chunked, "Content-Type", "application/json").error(413, "PAYLOAD_TOO_LARGE");
        assertThat(bodies).isEmpty();
    }

    @Test
    void other_routes_keep_their_64_KiB_limit() {
        String big = "{\"deviceId\": \"k\", \"status\": \"" + "x".repeat(70 * 1024) + "\"}";

        client.post("/system/heartbeat", big).error(413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_delivery_of_another_content_type_is_415() {
        client.send("POST", PATH, HttpRequest.BodyPublishers.ofString(envelope("{}")), "Content-Type", "text/plain")
                .error(415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(bodies).isEmpty();
    }

    @Test
    void without_a_webhook_use_case_every_delivery_is_refused() {
        api.stop();
        client = start(ReceiveWebhooks.REFUSE_ALL);

        client.post(PATH, envelope("{}")).error(401, "UNAUTHORIZED");
    }
}
