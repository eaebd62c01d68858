package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction once answered 201 survives {@code kill -9}: the gateway runs as its own process,
 * is killed while clients are creating transactions, and is started again on the same database.
 */
class PowerCutTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void every_answered_transaction_survives_a_kill_on_sqlite() throws Exception {
        survivesKill(Map.of("HARBOR_DATA_DIR", dataDir.toString()));
    }

    @Tag("postgres")
    @Test
    void every_answered_transaction_survives_a_kill_on_postgresql() throws Exception {
        String url = TestDatabases.freshPostgresSchema();
        try {
            survivesKill(Map.of("HARBOR_DATA_DIR", dataDir.toString(), "HARBOR_DB_URL", url));
        } finally {
            TestDatabases.dropSchemaOf(url);
        }
    }

    private void survivesKill(Map<String, String> environment) throws Exception {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        try (GatewayProcess gateway = GatewayProcess.start(environment)) {
            Json client = new Json(gateway.awaitPort(START));
            CountDownLatch enough = new CountDownLatch(20);
            Thread creator = new Thread(() -> {
                for (int i = 0; i < 32; i++) {
                    try {
                        Json.Response response = client.post("/transactions", "{\"transactionId\":\"cut-" + i + "\"}");
                        if (response.status() == 201) {
                            answered.put(
                                    "cut-" + i, response.body().get("lockerId").asLong());
                            enough.countDown();
                        }
                    } catch (Exception connectionLost) {
                        return;
                    }
                }
            });
            creator.start();
            assertThat(enough.await(60, TimeUnit.SECONDS))
                    .as("20 transactions created before the cut")
                    .isTrue();
            gateway.kill();
            creator.join(30_000);
        }

        try (GatewayProcess restarted = GatewayProcess.start(environment)) {
            Json client = new Json(restarted.awaitPort(START));
            JsonNode transactions = client.get("/transactions").body();
            Map<String, Long> stored = new HashMap<>();
            transactions.forEach(t -> stored.put(
                    t.get("transactionId").asText(), t.get("lockerId").asLong()));

            assertThat(stored).containsAllEntriesOf(answered);
            assertThat(stored.values()).doesNotHaveDuplicates();
            List<JsonNode> lockers = StreamSupport.stream(
                            client.get("/lockers").body().spliterator(), false)
                    .toList();
            Map<String, Long> heldBy = lockers.stream()
                    .filter(l -> !l.get("transactionId").isNull())
                    .collect(Collectors.toMap(
                            l -> l.get("transactionId").asText(),
                            l -> l.get("lockerId").asLong()));
            assertThat(heldBy).isEqualTo(stored);
            restarted.stop(Duration.ofSeconds(30));
        }
    }
}
