package dev.harbor.app.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sentry.Sentry;
import io.sentry.protocol.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plays Sentry's ingestion endpoint on 127.0.0.1 and looks at what the SDK really sends. */
class SentryErrorReporterTest {

    private static final String PASSWORD = "hunter2-Sup3r-S3cret";
    private static final String TOKEN = "q9Xv2Lr7TzK4mWb8NcY1sPd6HfJ3gAe5uQo0iRt7yZk";
    private static final String BASIC =
            Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private SentryErrorReporter reporter;

    private record Received(String path, byte[] raw, String body) {}

    @BeforeEach
    void startFakeSentry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    raw,
                    new String(gzip ? gunzip(raw) : raw, StandardCharsets.UTF_8)));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (reporter != null) {
            reporter.close();
        }
        Sentry.close();
        server.stop(0);
    }

    private String dsn() {
        return "http://publickey@127.0.0.1:" + server.getAddress().getPort() + "/1";
    }

    @Test
    void the_test_event_is_delivered_before_send_returns() {
        reporter = new SentryErrorReporter(dsn(), "harbor@0.1.0-test", "test");

        Optional<String> eventId = reporter.sendTestEvent();

        assertThat(eventId).isPresent();
        assertThat(received).isNotEmpty();
        Received envelope = received.get(0);
        assertThat(envelope.path()).isEqualTo("/api/1/envelope/");
        assertThat(envelope.body())
                .contains(eventId.get())
                .contains("SentryTestException")
                .contains("\"level\":\"error\"")
                .contains("harbor@0.1.0-test")
                .contains("\"environment\":\"test\"");
    }

    @Test
    void a_reported_exception_arrives_without_passwords_tokens_or_authorization_headers() {
        reporter = new SentryErrorReporter(dsn(), "harbor@0.1.0-test", "test");
        Sentry.configureScope(scope -> {
            Request request = new Request();
            request.setMethod("POST");
            request.setUrl("http://admin:" + PASSWORD + "@gateway.local/auth/login");
            request.setQueryString("token=" + TOKEN + "&page=2");
            request.setHeaders(Map.of(
                    "Authorization",
                    "Basic " + BASIC,
                    "X-Session-Token",
                    TOKEN,
                    "Cookie",
                    "sid=" + TOKEN,
                    "Accept",
                    "application/json"));
            scope.setRequest(request);
            scope.setExtra("password", PASSWORD);
            scope.setExtra("note", "retrying with token=" + TOKEN);
        });
        Sentry.addBreadcrumb("admin sign-in with password: " + PASSWORD);
        Sentry.addBreadcrumb("header Authorization: Bearer " + TOKEN);
        RuntimeException error = new IllegalStateException(
                "login failed for Authorization: Basic " + BASIC + ", password=" + PASSWORD,
                new IllegalArgumentException("session " + TOKEN + " rejected; {\"password\":\"" + PASSWORD + "\"}"));

        Optional<String> eventId = reporter.report(error, "POST /auth/login X-Session-Token: " + TOKEN);
        reporter.close();
        reporter = null;

        assertThat(eventId).isPresent();
        assertThat(received).anySatisfy(r -> assertThat(r.body()).contains(eventId.get()));
        String all = String.join("\n", received.stream().map(Received::body).toList());
        assertThat(all)
                .contains("IllegalStateException")
                .contains("login failed for")
                .contains("[Filtered]")
                .contains("application/json")
                .contains("page=2")
                .doesNotContain(PASSWORD)
                .doesNotContain(TOKEN)
                .doesNotContain(BASIC)
                .doesNotContainIgnoringCase("x-session-token\":")
                .doesNotContain("\"Cookie\"");
        for (Received r : received) {
            String raw = new String(r.raw(), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(PASSWORD).doesNotContain(TOKEN).doesNotContain(BASIC);
        }
    }

    @Test
    void without_a_dsn_the_reporter_is_off_and_sends_nothing() {
        reporter = new SentryErrorReporter("  ", "harbor@0.1.0-test", "test");

        assertThat(reporter.isEnabled()).isFalse();
        assertThat(reporter.report(new IllegalStateException("boom"), "test")).isEmpty();
        assertThat(reporter.sendTestEvent()).isEmpty();
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void the_scrubber_filters_credentials_in_free_text() {
        assertThat(SecretScrubber.scrub("Authorization: Basic " + BASIC)).doesNotContain(BASIC);
        assertThat(SecretScrubber.scrub("Bearer " + TOKEN)).isEqualTo("Bearer [Filtered]");
        assertThat(SecretScrubber.scrub("password=" + PASSWORD + "&x=1")).isEqualTo("password=[Filtered]&x=1");
        assertThat(SecretScrubber.scrub("{\"password\": \"" + PASSWORD + "\"}")).doesNotContain(PASSWORD);
        assertThat(SecretScrubber.scrub("jdbc:postgresql://harbor:" + PASSWORD + "@db/harbor"))
                .doesNotContain(PASSWORD);
        assertThat(SecretScrubber.scrub("locker 12 is jammed")).isEqualTo("locker 12 is jammed");
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }
}
