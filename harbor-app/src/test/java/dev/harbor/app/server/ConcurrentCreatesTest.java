package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 clients race for 100 free lockers through the real HTTP server: exactly 100 win, each a
 * different locker, and the rest are told there is no locker — never a conflict, never a 500.
 */
class ConcurrentCreatesTest {

    /** Two simulated xor8a boards of 50 lockers: 100 lockers in all. */
    static final String HUNDRED_LOCKERS =
            """
            { "lockerTypes": [ { "slug": "parcel", "name": "Parcel" } ],
              "bankTypes": [ { "name": "Fifty", "lockers": [ %s ] } ],
              "controllers": [
                { "name": "Left", "protocol": "xor8a", "boardAddress": 1, "bankType": "Fifty",
                  "transport": { "type": "simulated", "bus": "left" } },
                { "name": "Right", "protocol": "xor8a", "boardAddress": 1, "bankType": "Fifty",
                  "transport": { "type": "simulated", "bus": "right" } } ] }
            """.formatted(String.join(",", java.util.Collections.nCopies(50, "\"parcel\"")));

    @TempDir
    Path dir;

    @Test
    void two_hundred_concurrent_creates_for_a_hundred_lockers_give_a_hundred_distinct_lockers_on_sqlite()
            throws Exception {
        race(Map.of());
    }

    @Tag("postgres")
    @Test
    void two_hundred_concurrent_creates_for_a_hundred_lockers_give_a_hundred_distinct_lockers_on_postgresql()
            throws Exception {
        String url = TestDatabases.freshPostgresSchema();
        try {
            race(Map.of("HARBOR_DB_URL", url));
        } finally {
            TestDatabases.dropSchemaOf(url);
        }
    }

    private void race(Map<String, String> database) throws Exception {
        Path layout = dir.resolve("layout.json");
        Files.writeString(layout, HUNDRED_LOCKERS);
        Map<String, String> environment = new HashMap<>(database);
        environment.put("HARBOR_DATA_DIR", dir.resolve("data").toString());
        environment.put("HARBOR_LAYOUT_FILE", layout.toString());
        environment.put("HARBOR_HTTP_HOST", "127.0.0.1");
        environment.put("HARBOR_HTTP_PORT", "0");
        try (HarborServer server = HarborServer.start(ConfigLoader.load(environment))) {
            Json client = new Json(server.port());
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService clients = Executors.newFixedThreadPool(200);
            try {
                List<Callable<Json.Response>> creates = IntStream.range(0, 200)
                        .mapToObj(i -> (Callable<Json.Response>) () -> {
                            go.await();
                            return client.post("/transactions", "{\"transactionId\":\"race-" + i + "\"}");
                        })
                        .toList();
                List<Future<Json.Response>> pending =
                        creates.stream().map(clients::submit).toList();
                go.countDown();
                Map<Integer, Integer> byStatus = new HashMap<>();
                List<Long> lockers = new java.util.ArrayList<>();
                for (Future<Json.Response> future : pending) {
                    Json.Response response = future.get();
                    byStatus.merge(response.status(), 1, Integer::sum);
                    if (response.status() == 201) {
                        lockers.add(response.body().get("lockerId").asLong());
                    } else {
                        assertThat(response.body().get("error").asText()).isEqualTo("NO_AVAILABLE_LOCKERS");
                    }
                }
                assertThat(byStatus).containsOnly(Map.entry(201, 100), Map.entry(503, 100));
                assertThat(lockers).doesNotHaveDuplicates().hasSize(100);
                assertThat(client.get("/transactions").body().size()).isEqualTo(100);
                assertThat(client.get("/lockers?available=true").body().size()).isZero();
            } finally {
                clients.shutdownNow();
            }
        }
    }
}
