package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.harbor.http.internal.ErrorHandling;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestIdTest extends ApiTest {

    private static final String GENERATED = "[0-9a-f]{16}";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger errorLog = (Logger) LoggerFactory.getLogger(ErrorHandling.class);

    @BeforeEach
    void captureLogs() {
        logged.start();
        errorLog.addAppender(logged);
    }

    @AfterEach
    void releaseLogs() {
        errorLog.detachAppender(logged);
    }

    @Test
    void a_sane_request_id_from_the_client_is_echoed_on_a_success_and_on_an_error() {
        assertThat(get("/health", "order-1138.retry:2_a").header("X-Request-Id"))
                .isEqualTo("order-1138.retry:2_a");
        assertThat(get("/no/such/route", "abc-404").header("X-Request-Id")).isEqualTo("abc-404");
    }

    @Test
    void without_a_request_id_each_answer_gets_a_new_one() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.get("/health").header("X-Request-Id"));
            ids.add(client.get("/no/such/route").header("X-Request-Id"));
        }
        assertThat(ids).hasSize(10).allMatch(id -> id.matches(GENERATED));
    }

    @Test
    void errors_javalin_answers_itself_carry_the_request_id() {
        ApiClient.Reply notAllowed =
                client.send("PUT", "/health", HttpRequest.BodyPublishers.noBody(), "X-Request-Id", "put-405");
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.header("X-Request-Id")).isEqualTo("put-405");

        try (RawHttp raw = new RawHttp(port)) {
            RawHttp.Answer tooLarge = raw.send(
                            "POST /transactions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "X-Request-Id: big-413\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n")
                    .error(413, "PAYLOAD_TOO_LARGE");
            assertThat(tooLarge.header("X-Request-Id")).isEqualTo("big-413");
        }
    }

    @Test
    void an_answer_jetty_writes_before_javalin_sees_the_request_carries_a_request_id_too() {
        try (RawHttp raw = new RawHttp(port)) {
            // Jetty refuses this path before any handler runs; its error handler still reads the id.
            RawHttp.Answer refused = raw.send(
                    "GET /lockers/%ff/../x HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Request-Id: bad-path\r\n\r\n");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("X-Request-Id")).isEqualTo("bad-path");
        }
        try (RawHttp raw = new RawHttp(port)) {
            // Not even a request: a new id.
            RawHttp.Answer unparsable = raw.send("GET / HTTP/7.0\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(unparsable.status()).isBetween(400, 505);
            assertThat(unparsable.header("X-Request-Id")).matches(GENERATED);
        }
    }

    @Test
    void a_hostile_request_id_is_replaced_by_a_new_one() {
        String tooLong = "a".repeat(65);
        assertThat(get("/health", tooLong).header("X-Request-Id")).matches(GENERATED);
        assertThat(get("/health", "a".repeat(64)).header("X-Request-Id")).isEqualTo("a".repeat(64));
        assertThat(get("/health", "two words").header("X-Request-Id")).matches(GENERATED);
        assertThat(get("/health", "<script>").header("X-Request-Id")).matches(GENERATED);
        assertThat(get("/health", "%0d%0aSet-Cookie:x").header("X-Request-Id")).matches(GENERATED);

        try (RawHttp raw = new RawHttp(port)) {
            RawHttp.Answer control =
                    raw.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: abc\u0001def\u007f\r\n\r\n");
            assertThat(control.header("X-Request-Id")).matches(GENERATED);
        }
        try (RawHttp raw = new RawHttp(port)) {
            // A bare CR inside the value: Jetty refuses the request, and still names an id of its own.
            RawHttp.Answer carriageReturn =
                    raw.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: abc\rSet-Cookie: x=1\r\n\r\n");
            assertThat(carriageReturn.header("X-Request-Id")).matches(GENERATED);
            assertThat(carriageReturn.header("Set-Cookie")).isNull();
        }
        try (RawHttp raw = new RawHttp(port)) {
            RawHttp.Answer latin1 = raw.write(
                            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: caf\u00e9\r\n\r\n"
                                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .read();
            assertThat(latin1.header("X-Request-Id")).matches(GENERATED);
        }
    }

    @Test
    void the_log_lines_a_request_causes_carry_its_id_and_the_next_request_does_not_inherit_it() {
        gateway.healthFailure = new IllegalStateException("bug");
        get("/health", "first-failure").error(500, "INTERNAL_ERROR");
        String second = client.get("/health").header("X-Request-Id");

        assertThat(logged.list)
                .extracting(event -> event.getMDCPropertyMap().get("requestId"))
                .containsExactly("first-failure", second);
    }

    private ApiClient.Reply get(String path, String requestId) {
        return client.send("GET", path, HttpRequest.BodyPublishers.noBody(), "X-Request-Id", requestId);
    }
}
