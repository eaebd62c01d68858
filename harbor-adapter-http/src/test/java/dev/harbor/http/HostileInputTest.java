package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.application.locker.DoorOpenSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an outside fuzzer found (issue 11, "Hostile input"), each sent exactly as it was: every
 * answer is a documented 4xx with the {@code Error} body, a connection the server closes says so,
 * and nobody holds a connection by sending its headers slowly.
 */
class HostileInputTest extends ApiTest {

    private static final String HOST = "Host: 127.0.0.1\r\n";

    @Test
    void a_door_timeout_that_would_break_every_open_is_refused_and_not_stored() {
        ApiClient.Reply reply = client.adminPatch(
                        "/system", "{\"doorOpenPolicy\":{\"attemptTimeoutMs\":9300000000000}}")
                .error(400, "INVALID_REQUEST");

        assertThat(reply.json().at("/details/field").asText()).isEqualTo("doorOpenPolicy.attemptTimeoutMs");
        assertThat(reply.json().get("message").asText()).contains("120000");
        assertThat(gateway.current().doorOpen()).isEqualTo(DoorOpenSettings.DEFAULTS);
    }

    @ParameterizedTest
    @CsvSource({
        "'{\"doorOpenPolicy\":{\"attemptTimeoutMs\":120001}}', doorOpenPolicy.attemptTimeoutMs",
        "'{\"doorOpenPolicy\":{\"delayMs\":60001}}', doorOpenPolicy.delayMs",
        "'{\"doorOpenPolicy\":{\"maxAttempts\":11}}', doorOpenPolicy.maxAttempts",
        "'{\"heartbeat\":{\"longDeadAfterMs\":2592000001}}', heartbeat.longDeadAfterMs",
        "'{\"heartbeat\":{\"unhealthyAfterMs\":9223372036854775807}}', heartbeat.unhealthyAfterMs",
        "'{\"doorOpenPolicy\":{\"attemptTimeoutMs\":99999999999999999999999}}', doorOpenPolicy.attemptTimeoutMs",
        "'{\"doorOpenPolicy\":{\"maxAttempts\":99999999999}}', doorOpenPolicy.maxAttempts"
    })
    void every_setting_beyond_its_maximum_is_refused_naming_the_field(String body, String field) {
        ApiClient.Reply reply = client.adminPatch("/system", body).error(400, "INVALID_REQUEST");

        assertThat(reply.json().at("/details/field").asText()).as(reply.body()).isEqualTo(field);
    }

    @Test
    void the_largest_settings_allowed_are_accepted() {
        client.adminPatch(
                        "/system",
                        "{\"doorOpenPolicy\":{\"attemptTimeoutMs\":120000,\"maxAttempts\":10,\"delayMs\":60000},"
                                + "\"heartbeat\":{\"unhealthyAfterMs\":2591999998,\"deadAfterMs\":2591999999,"
                                + "\"longDeadAfterMs\":2592000000}}")
                .json();

        assertThat(gateway.current().doorOpen().attemptTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(gateway.current().heartbeat().longDeadAfter()).isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"%2B999999999-12-31T23:59:59.999Z", "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00.000Z"
            })
    void a_log_filter_far_outside_any_log_is_an_invalid_request(String since) {
        ApiClient.Reply reply = client.adminGet("/system/logs?since=" + since).error(400, "INVALID_REQUEST");

        assertThat(reply.json().at("/details/since").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "PATCH, /lockers/{x}",
        "DELETE, /transactions/%ff%fe",
        "PUT, /lockers/{x}",
        "GET, /lockers/{x}",
        "POST, /transactions/%ff%fe/open"
    })
    void an_illegal_path_is_an_invalid_request_with_an_error_body_on_every_method(String method, String path) {
        try (RawHttp raw = new RawHttp(port)) {
            String body = method.equals("GET") || method.equals("DELETE") ? "" : "{}";
            RawHttp.Answer answer = raw.send(method + " " + path + " HTTP/1.1\r\n" + HOST
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

            answer.error(400, "INVALID_REQUEST");
        }
    }

    @Test
    void an_answer_after_which_the_server_closes_the_connection_says_so() {
        try (RawHttp raw = new RawHttp(port)) {
            RawHttp.Answer answer = raw.send("GET /lockers/%00 HTTP/1.1\r\n" + HOST + "\r\n");

            answer.error(400, "INVALID_REQUEST");
            assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(raw.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void an_http_0_9_request_line_is_answered_with_a_fitting_code() {
        try (RawHttp raw = new RawHttp(port)) {
            RawHttp.Answer answer = raw.send("GET /\r\n");

            answer.error(505, "HTTP_VERSION_NOT_SUPPORTED");
            assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
        }
    }

    @Test
    void an_unknown_http_version_is_answered_with_a_fitting_code() {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("GET /health HTTP/3.7\r\n" + HOST + "\r\n").error(505, "HTTP_VERSION_NOT_SUPPORTED");
        }
    }

    @Test
    void a_client_that_trickles_its_headers_is_disconnected_after_the_header_time_limit() throws Exception {
        HttpApi quick = HttpApi.builder(gateway.useCases())
                .requestHeaderTimeout(Duration.ofSeconds(1))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        int quickPort = quick.start("127.0.0.1", 0);
        try (RawHttp raw = new RawHttp(quickPort)) {
            byte[] request = ("GET /health HTTP/1.1\r\n" + HOST + "X-Padding: " + "a".repeat(100) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            boolean cutOff = false;
            // One byte every 200 ms would take over 25 s; the limit is 1 s, so 8 s is plenty.
            for (int i = 0; i < 40 && !cutOff; i++) {
                try {
                    raw.write(new byte[] {request[i]});
                } catch (java.io.UncheckedIOException e) {
                    cutOff = true;
                    break;
                }
                cutOff = raw.closedByServerWithin(Duration.ofMillis(200));
            }

            assertThat(cutOff).as("the server closed the trickling connection").isTrue();
        } finally {
            quick.stop();
        }
    }

    @Test
    void a_keep_alive_connection_may_stay_quiet_between_requests_longer_than_the_header_limit() throws Exception {
        HttpApi quick = HttpApi.builder(gateway.useCases())
                .requestHeaderTimeout(Duration.ofSeconds(1))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        int quickPort = quick.start("127.0.0.1", 0);
        try (RawHttp raw = new RawHttp(quickPort)) {
            assertThat(raw.send("GET /health HTTP/1.1\r\n" + HOST + "\r\n").status())
                    .isEqualTo(200);

            Thread.sleep(2_500); // quiet, not slow: the idle timeout governs this, not the header limit

            assertThat(raw.send("GET /health HTTP/1.1\r\n" + HOST + "\r\n").status())
                    .isEqualTo(200);
        } finally {
            quick.stop();
        }
    }

    @Test
    void the_header_time_limit_has_a_default_and_refuses_nonsense() {
        assertThat(HttpApi.DEFAULT_REQUEST_HEADER_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> HttpApi.builder(gateway.useCases()).requestHeaderTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_documented_error_codes_include_too_many_requests_and_http_version_not_supported() throws IOException {
        String document;
        try (InputStream in = HttpApi.class.getResourceAsStream(HttpApi.OPENAPI_RESOURCE)) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String errorResponse = document.lines()
                .filter(line -> line.trim().startsWith("\"Error\": { \"description\""))
                .findFirst()
                .orElseThrow();

        assertThat(errorResponse).contains("TOO_MANY_REQUESTS", "HTTP_VERSION_NOT_SUPPORTED", "INTERNAL_ERROR");
    }
}
