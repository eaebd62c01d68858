package dev.harbor.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics of a real gateway (SQLite, the demo's simulated boards), read by Prometheus's own parser. */
class MetricsGatewayTest {

    /** Distinctive enough that finding it anywhere in the exposition means it leaked into a label. */
    private static final String TRANSACTION_ID = "alice-7f3e9c-metrics";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HarborServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(
                Map.of("HARBOR_DATA_DIR", dir.toString(), "HARBOR_HTTP_HOST", "127.0.0.1", "HARBOR_HTTP_PORT", "0"));
        config.putAll(extra);
        server = HarborServer.start(ConfigLoader.load(config));
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(90))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> reply = send("GET", "/metrics", null);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return reply.body();
    }

    @Test
    void after_traffic_the_exposition_passes_promtool_and_the_key_series_moved_with_no_transaction_id_in_it()
            throws Exception {
        start(Map.of());
        Exposition before = Exposition.parse(scrape());

        assertThat(send("POST", "/transactions", "{\"transactionId\":\"" + TRANSACTION_ID + "\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/transactions/" + TRANSACTION_ID + "/open", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/transactions/" + TRANSACTION_ID, null).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/transactions/" + TRANSACTION_ID, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/no-such-route/" + TRANSACTION_ID, null).statusCode())
                .isEqualTo(404);

        String text = scrape();
        Promtool.check(text);
        assertThat(text).as("a transaction id in the exposition").doesNotContain(TRANSACTION_ID);
        Exposition after = Exposition.parse(text);

        Map<String, String> created = Map.of("event", "created");
        Map<String, String> released = Map.of("event", "released");
        assertThat(after.sum("harbor_transactions_total", created) - before.sum("harbor_transactions_total", created))
                .isEqualTo(1);
        assertThat(after.sum("harbor_transactions_total", released) - before.sum("harbor_transactions_total", released))
                .isEqualTo(1);
        Map<String, String> opened = Map.of("outcome", "opened", "protocol", "kerong-cu16");
        assertThat(after.sum("harbor_door_opens_seconds_count", opened)).isEqualTo(1);
        assertThat(after.sum("harbor_door_opens_seconds_bucket", opened)).isPositive();
        assertThat(after.sum("harbor_door_open_attempts_count")).isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", route("POST", "/transactions", "201")))
                .isEqualTo(1);
        assertThat(after.sum(
                        "http_server_requests_seconds_count", route("DELETE", "/transactions/{transactionId}", "204")))
                .isEqualTo(1);
        assertThat(after.sum(
                        "http_server_requests_seconds_count", route("GET", "/transactions/{transactionId}", "404")))
                .isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", route("GET", "unmatched", "404")))
                .isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", route("GET", "/metrics", "200")))
                .as("the first scrape")
                .isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_bucket")).isPositive();
        assertThat(pollsAfter(before.sum("harbor_board_polls_total"), Duration.ofSeconds(15)))
                .as("board polls, every second per board")
                .isGreaterThan(before.sum("harbor_board_polls_total"));
        assertThat(after.has("harbor_board_poll_failures_total")).isTrue();
        assertThat(after.sum("harbor_controllers_online")).isEqualTo(2);
        assertThat(after.sum("harbor_controllers")).isEqualTo(2);
        assertThat(after.sum("harbor_lockers")).isEqualTo(32);
        assertThat(after.sum("harbor_lockers_available")).isEqualTo(32);
        assertThat(after.sum("hikaricp_connections_max", Map.of("pool", "harbor-sqlite-writer")))
                .isEqualTo(1);
        assertThat(after.sum("hikaricp_connections_acquire_seconds_count")).isPositive();
        assertThat(after.has("jvm_memory_used_bytes")).isTrue();
        assertThat(before.has("jvm_memory_used_bytes") && before.has("process_uptime_seconds"))
                .as("the JVM's meters, bound at the first scrape, are in it")
                .isTrue();
        assertThat(after.has("jvm_gc_pause_seconds_count") || after.has("jvm_gc_memory_allocated_bytes_total"))
                .isTrue();
        assertThat(after.has("process_cpu_usage")).isTrue();
        assertThat(after.has("process_uptime_seconds")).isTrue();
    }

    @Test
    void a_booked_locker_is_counted_in_its_state_and_not_as_available() throws Exception {
        start(Map.of());
        assertThat(send("POST", "/transactions", "{\"transactionId\":\"" + TRANSACTION_ID + "\"}")
                        .statusCode())
                .isEqualTo(201);

        Exposition metrics = Exposition.parse(scrape());

        assertThat(metrics.sum("harbor_lockers", Map.of("state", "BOOKED"))).isEqualTo(1);
        assertThat(metrics.sum("harbor_lockers", Map.of("state", "UNLOCKED"))).isEqualTo(31);
        assertThat(metrics.sum("harbor_lockers_available")).isEqualTo(31);
    }

    @Test
    void with_metrics_disabled_the_route_answers_404_as_any_unknown_route() throws Exception {
        start(Map.of("HARBOR_METRICS_ENABLED", "false"));

        HttpResponse<String> reply = send("GET", "/metrics", null);

        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).contains("\"error\":\"NOT_FOUND\"");
    }

    /** The board polls counted once they passed {@code before}, or when {@code patience} is up. */
    private double pollsAfter(double before, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        double polls = Exposition.parse(scrape()).sum("harbor_board_polls_total");
        while (polls <= before && System.nanoTime() < deadline) {
            Thread.sleep(200);
            polls = Exposition.parse(scrape()).sum("harbor_board_polls_total");
        }
        return polls;
    }

    private static Map<String, String> route(String method, String route, String status) {
        return Map.of("method", method, "route", route, "status", status);
    }
}
