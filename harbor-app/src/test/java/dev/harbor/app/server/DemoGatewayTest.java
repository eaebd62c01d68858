package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.layout.DemoLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway started with nothing configured: SQLite in the data folder, the demo layout of simulated boards. */
class DemoGatewayTest {

    @TempDir
    Path dir;

    private HarborServer server;
    private Json client;

    @BeforeEach
    void start() {
        server = HarborServer.start(ConfigLoader.load(
                Map.of("HARBOR_DATA_DIR", dir.toString(), "HARBOR_HTTP_HOST", "127.0.0.1", "HARBOR_HTTP_PORT", "0")));
        client = new Json(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_fresh_gateway_creates_its_database_file_and_serves_the_demo_lockers() throws Exception {
        assertThat(Files.exists(dir.resolve("harbor.db"))).isTrue();

        JsonNode lockers = client.get("/lockers").body();

        assertThat(lockers.size()).isEqualTo(32);
        Set<String> sizes = new HashSet<>();
        lockers.forEach(l -> sizes.add(l.get("lockerType").get("slug").asText()));
        assertThat(sizes).containsExactlyInAnyOrder("small", "medium", "large");
        lockers.forEach(l -> {
            assertThat(l.get("state").asText()).isEqualTo("UNLOCKED");
            assertThat(l.get("available").asBoolean()).isTrue();
        });
    }

    @Test
    void a_parcel_goes_in_and_comes_out_through_the_simulated_boards() throws Exception {
        Json.Response created =
                client.post("/transactions", "{\"transactionId\":\"order-1138\",\"lockerType\":\"large\"}");
        assertThat(created.status()).isEqualTo(201);
        long lockerId = created.body().get("lockerId").asLong();
        assertThat(created.body().get("lockerType").asText()).isEqualTo("large");

        Json.Response locker = client.get("/lockers/" + lockerId);
        assertThat(locker.body().get("state").asText()).isEqualTo("BOOKED");
        assertThat(locker.body().get("transactionId").asText()).isEqualTo("order-1138");
        assertThat(locker.body().get("available").asBoolean()).isFalse();

        Json.Response opened = client.post("/transactions/order-1138/open", "");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body().get("success").asBoolean()).isTrue();
        assertThat(opened.body().get("lockerId").asLong()).isEqualTo(lockerId);
        assertThat(client.get("/transactions/order-1138")
                        .body()
                        .get("openCount")
                        .asInt())
                .isEqualTo(1);

        assertThat(client.delete("/transactions/order-1138").status()).isEqualTo(204);
        assertThat(client.get("/transactions/order-1138").status()).isEqualTo(404);
        JsonNode freed = client.get("/lockers/" + lockerId).body();
        assertThat(freed.get("state").asText()).isEqualTo("UNLOCKED");
        assertThat(freed.get("transactionId").isNull()).isTrue();
    }

    @Test
    void a_parcel_placed_behind_an_opened_door_that_closes_again_makes_the_locker_occupied() throws Exception {
        long lockerId = client.post("/transactions", "{\"transactionId\":\"drop-off\"}")
                .body()
                .get("lockerId")
                .asLong();
        JsonNode placed = client.get("/lockers/" + lockerId).body();
        awaitDoor(lockerId, false);

        assertThat(client.post("/transactions/drop-off/open", "").status()).isEqualTo(200);
        awaitState(lockerId, "LOCKING");
        JsonNode config = client.get("/lockers/config").body();
        long controllerId = placed.get("controllerId").asLong();
        int address = 0;
        for (JsonNode controller : config.get("controllers")) {
            if (controller.get("controllerId").asLong() == controllerId
                    && controller.get("name").asText().endsWith("B")) {
                address = 1;
            }
        }
        server.simulatedBuses()
                .bus(DemoLayout.BUS)
                .board(address)
                .orElseThrow()
                .closeDoor(placed.get("bankLockerNumber").asInt());

        awaitState(lockerId, "LOCKED");
        JsonNode occupied = client.get("/lockers/" + lockerId).body();
        assertThat(occupied.get("transactionId").asText()).isEqualTo("drop-off");
        assertThat(occupied.get("doorOpen").asBoolean()).isFalse();
    }

    /** Door sensing polls every second: wait a few polls for the change to show. */
    private void awaitState(long lockerId, String state) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (client.get("/lockers/" + lockerId).body().get("state").asText().equals(state)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("locker " + lockerId + " never reached " + state + ": "
                + client.get("/lockers/" + lockerId).body());
    }

    private void awaitDoor(long lockerId, boolean open) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode door = client.get("/lockers/" + lockerId).body().get("doorOpen");
            if (!door.isNull() && door.asBoolean() == open) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("locker " + lockerId + " door never read " + open);
    }

    @Test
    void the_same_transaction_id_twice_returns_the_existing_transaction_with_409() throws Exception {
        Json.Response first = client.post("/transactions", "{\"transactionId\":\"twice\"}");
        Json.Response second = client.post("/transactions", "{\"transactionId\":\"twice\"}");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(client.get("/transactions").body().size()).isEqualTo(1);
    }

    @Test
    void health_reports_the_database_and_both_simulated_controllers_up() throws Exception {
        Json.Response health = client.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().get("controllers").get("total").asInt()).isEqualTo(2);
        assertThat(health.body().get("controllers").get("online").asInt()).isEqualTo(2);
    }

    @Test
    void the_layout_is_loaded_once_so_a_restart_keeps_the_same_lockers_and_transactions() throws Exception {
        long lockerId = client.post("/transactions", "{\"transactionId\":\"kept\"}")
                .body()
                .get("lockerId")
                .asLong();
        server.close();

        server = HarborServer.start(ConfigLoader.load(
                Map.of("HARBOR_DATA_DIR", dir.toString(), "HARBOR_HTTP_HOST", "127.0.0.1", "HARBOR_HTTP_PORT", "0")));
        client = new Json(server.port());

        assertThat(client.get("/lockers").body().size()).isEqualTo(32);
        assertThat(client.get("/transactions/kept").body().get("lockerId").asLong())
                .isEqualTo(lockerId);
    }
}
