package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kept locker answers on the real gateway (SQLite, simulated boards, real HTTP): a read that
 * starts after a write was acknowledged shows that write, also when it sends the tag of an answer
 * read before the write, and also while other clients read the same answers all the time.
 */
class LockerReadsGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString("admin:reads-s3cret".getBytes(StandardCharsets.UTF_8));

    private record Read(int status, String etag, JsonNode body) {}

    @TempDir
    Path dir;

    private HarborServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Path layout = dir.resolve("layout.json");
        Files.writeString(layout, ConcurrentCreatesTest.HUNDRED_LOCKERS);
        server = HarborServer.start(ConfigLoader.load(Map.of(
                "HARBOR_DATA_DIR", dir.resolve("data").toString(),
                "HARBOR_LAYOUT_FILE", layout.toString(),
                "HARBOR_HTTP_HOST", "127.0.0.1",
                "HARBOR_HTTP_PORT", "0",
                "HARBOR_ADMIN_USERNAME", "admin",
                "HARBOR_ADMIN_PASSWORD", "reads-s3cret")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void writers_always_read_their_acknowledged_writes_while_readers_poll_the_same_answers() throws Exception {
        long seed = Long.getLong("harbor.test.seed", System.nanoTime());
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger polls = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                SplittableRandom random = new SplittableRandom(seed + r);
                readers.add(threads.submit(() -> {
                    String[] tags = new String[3];
                    while (writing.get()) {
                        int which = random.nextInt(3);
                        String path = which == 0
                                ? "/lockers"
                                : which == 1 ? "/lockers?available=true" : "/lockers/" + (1 + random.nextInt(100));
                        Read read = get(path, random.nextBoolean() ? tags[which] : null);
                        if (read.status() == 200) {
                            tags[which] = read.etag();
                        }
                        polls.incrementAndGet();
                    }
                    return null;
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    String listTag = null;
                    String lockerTag = null;
                    for (int cycle = 0; cycle < 10; cycle++) {
                        String id = "w" + writer + "-" + cycle;
                        HttpResponse<String> created = send(request("/transactions")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"transactionId\":\"" + id + "\"}")));
                        if (created.statusCode() != 201) {
                            problems.add(id + ": create answered " + created.statusCode() + " " + created.body());
                            return null;
                        }
                        long locker =
                                JSON.readTree(created.body()).get("lockerId").asLong();

                        Read list = get("/lockers", listTag);
                        if (list.status() != 200 || !holder(list.body(), locker).equals(id)) {
                            problems.add(id + ": the list read after the booking showed locker " + locker + " "
                                    + (list.status() == 200
                                            ? "held by " + holder(list.body(), locker)
                                            : "as " + list.status()));
                        }
                        listTag = list.etag();
                        Read free = get("/lockers?available=true", null);
                        for (JsonNode l : free.body()) {
                            if (l.get("lockerId").asLong() == locker) {
                                problems.add(id + ": locker " + locker + " listed as available after its booking");
                            }
                        }
                        Read one = get("/lockers/" + locker, lockerTag);
                        if (one.status() != 200
                                || !one.body().path("transactionId").asText().equals(id)) {
                            problems.add(id + ": locker " + locker + " read after the booking as " + one);
                        }

                        HttpResponse<String> released =
                                send(request("/transactions/" + id).DELETE());
                        if (released.statusCode() != 204) {
                            problems.add(id + ": release answered " + released.statusCode());
                            return null;
                        }
                        Read after = get("/lockers/" + locker, one.etag());
                        if (after.status() != 200
                                || after.body().path("transactionId").asText().equals(id)) {
                            problems.add(id + ": locker " + locker + " read after the release as " + after);
                        }
                        lockerTag = after.etag();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        assertThat(problems)
                .as("seed %d (-Dharbor.test.seed), %d polls beside", seed, polls.get())
                .isEmpty();
        assertThat(polls.get()).isPositive();
    }

    @Test
    void taking_a_locker_out_of_service_shows_at_once_to_a_poller_holding_the_old_tag() throws Exception {
        Read list = get("/lockers", null);
        Read one = get("/lockers/7", null);
        assertThat(get("/lockers", list.etag()).status()).isEqualTo(304);
        assertThat(get("/lockers/7", one.etag()).status()).isEqualTo(304);

        HttpResponse<String> patched = send(request("/lockers/7")
                .header("Content-Type", "application/json")
                .header("Authorization", BASIC)
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                                "{\"outOfService\": true, \"reasonCode\": \"MANUAL_DISABLE\"}")));
        assertThat(patched.statusCode()).isEqualTo(200);

        Read listAfter = get("/lockers", list.etag());
        assertThat(listAfter.status()).isEqualTo(200);
        assertThat(listAfter.body().get(6).get("outOfService").asBoolean()).isTrue();
        Read oneAfter = get("/lockers/7", one.etag());
        assertThat(oneAfter.status()).isEqualTo(200);
        assertThat(oneAfter.body().get("available").asBoolean()).isFalse();
        assertThat(get("/lockers/7", oneAfter.etag()).status()).isEqualTo(304);
    }

    private static String holder(JsonNode lockers, long lockerId) {
        for (JsonNode l : lockers) {
            if (l.get("lockerId").asLong() == lockerId) {
                return l.path("transactionId").asText();
            }
        }
        return "(no such locker)";
    }

    private Read get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        HttpResponse<String> response = send(request);
        String body = response.body();
        return new Read(
                response.statusCode(),
                response.headers().firstValue("ETag").orElse(null),
                body == null || body.isEmpty() ? null : JSON.readTree(body));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
