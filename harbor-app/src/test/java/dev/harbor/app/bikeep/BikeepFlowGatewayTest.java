package dev.harbor.app.bikeep;

import static dev.harbor.app.bikeep.BikeepGateway.addLocation;
import static dev.harbor.app.bikeep.BikeepGateway.create;
import static dev.harbor.app.bikeep.BikeepGateway.locker;
import static dev.harbor.app.bikeep.BikeepGateway.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bikeep transaction flow table row by row over the gateway's HTTP API: a real gateway on a
 * real database (subclasses: SQLite, PostgreSQL), the Bikeep simulator over loopback HTTP, and
 * the device's state read from the simulator, never from Harbor.
 */
abstract class BikeepFlowGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private BikeepSimulator sim;
    private HarborServer server;
    private Http http;
    private String location;

    abstract Map<String, String> database() throws Exception;

    void dropDatabase() throws Exception {}

    @BeforeEach
    void start() throws Exception {
        sim = BikeepGateway.simulator(
                BikeepSimulator.Settings.defaults().withCommandDelays(Duration.ofMillis(100), Duration.ofMillis(300)));
        location = sim.addLocation("BIKE_LOCKERS", "Station B", 2);
        server = BikeepGateway.start(BikeepGateway.environment(dir, database(), sim), BikeepGateway.FAST);
        http = BikeepGateway.http(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        sim.close();
        dropDatabase();
    }

    private List<JsonNode> lockersOf(JsonNode controller) {
        List<JsonNode> lockers = new ArrayList<>();
        controller.get("lockers").forEach(lockers::add);
        return lockers;
    }

    private long lockerOf(String transactionId) throws Exception {
        Http.Reply transaction = http.send("GET", "/transactions/" + transactionId, null);
        assertThat(transaction.status()).as(transaction.raw()).isEqualTo(200);
        return transaction.body().get("lockerId").asLong();
    }

    private String deviceOf(long lockerId) throws Exception {
        return locker(http, lockerId).get("external").get("deviceId").asText();
    }

    @Test
    void adding_the_location_makes_one_external_bike_locker_per_device() throws Exception {
        JsonNode controller = addLocation(http, location);

        assertThat(controller.get("protocol").asText()).isEqualTo("bikeep");
        assertThat(controller.get("lockerCount").asInt()).isEqualTo(2);
        List<JsonNode> lockers = lockersOf(controller);
        assertThat(lockers).hasSize(2);
        assertThat(lockers)
                .extracting(l -> l.get("lockerType").get("slug").asText())
                .containsOnly("bike-locker");
        assertThat(lockers)
                .extracting(l -> l.get("external").get("system").asText())
                .containsOnly("bikeep");
        assertThat(lockers)
                .extracting(l -> l.get("external").get("alias").asText())
                .containsExactly("1", "2");
        assertThat(lockers)
                .extracting(l -> l.get("external").get("deviceId").asText())
                .containsExactlyElementsOf(sim.deviceIds(location));
        assertThat(lockers)
                .allSatisfy(l -> assertThat(l.get("doorOpen").isNull()).isTrue());

        Http.Reply all = http.send("GET", "/lockers", null);
        assertThat(all.body())
                .anySatisfy(l -> assertThat(l.get("external").isNull()).isTrue());
    }

    @Test
    void book_lock_unlock_and_release_drive_the_device_through_bikeep() throws Exception {
        addLocation(http, location);

        Http.Reply created = create(http, "ride-1", "bike-locker");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long lockerId = lockerOf("ride-1");
        String device = deviceOf(lockerId);
        assertThat(sim.deviceState(device))
                .as("booked by the time the 201 came")
                .isEqualTo("BOOKED");

        Http.Reply dropOff = http.send("POST", "/transactions/ride-1/open", null);
        assertThat(dropOff.status()).as(dropOff.raw()).isEqualTo(200);
        assertThat(dropOff.body().get("success").asBoolean()).isTrue();
        assertThat(dropOff.body().get("doorOpen").isNull()).isTrue();
        assertThat(sim.deviceState(device)).isIn("LOCKING", "LOCKED");
        waitUntil("the device is LOCKED upstream", WAIT, () -> "LOCKED".equals(sim.deviceState(device)));
        waitUntil(
                "Harbor sees the device LOCKED",
                WAIT,
                () -> "LOCKED".equals(locker(http, lockerId).get("state").asText()));

        Http.Reply pickUp = http.send("POST", "/transactions/ride-1/open", null);
        assertThat(pickUp.status()).as(pickUp.raw()).isEqualTo(200);
        assertThat(sim.deviceState(device))
                .as("unlocked by the time the 200 came")
                .isEqualTo("UNLOCKED");

        Http.Reply released = http.send("DELETE", "/transactions/ride-1", null);
        assertThat(released.status()).as(released.raw()).isEqualTo(204);
        assertThat(sim.deviceState(device)).isEqualTo("UNLOCKED");
        assertThat(http.send("GET", "/transactions/ride-1", null).status()).isEqualTo(404);
    }

    @Test
    void releasing_a_booked_device_cancels_the_booking() throws Exception {
        addLocation(http, location);
        assertThat(create(http, "ride-2", "bike-locker").status()).isEqualTo(201);
        long lockerId = lockerOf("ride-2");
        String device = deviceOf(lockerId);
        assertThat(sim.deviceState(device)).isEqualTo("BOOKED");

        Http.Reply released = http.send("DELETE", "/transactions/ride-2", null);

        assertThat(released.status()).as(released.raw()).isEqualTo(204);
        assertThat(sim.deviceState(device)).isEqualTo("UNLOCKED");
        assertThat(http.send("GET", "/transactions/ride-2", null).status()).isEqualTo(404);
        assertThat(sim.requests()).anySatisfy(r -> assertThat(r.body()).contains("cancel-booking"));
        waitUntil(
                "the locker is available again",
                WAIT,
                () -> locker(http, lockerId).get("available").asBoolean());
    }

    @Test
    void an_open_while_the_device_is_locking_answers_invalid_state() throws Exception {
        addLocation(http, location);
        assertThat(create(http, "ride-3", "bike-locker").status()).isEqualTo(201);
        long lockerId = lockerOf("ride-3");
        String device = deviceOf(lockerId);
        sim.neverSecure(device, true);
        assertThat(http.send("POST", "/transactions/ride-3/open", null).status())
                .isEqualTo(200);
        assertThat(sim.deviceState(device)).isEqualTo("LOCKING");
        int commandsBefore = commandPosts();

        Http.Reply again = http.send("POST", "/transactions/ride-3/open", null);

        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("INVALID_STATE");
        assertThat(commandPosts()).as("no command sent").isEqualTo(commandsBefore);
        assertThat(sim.deviceState(device)).isEqualTo("LOCKING");
    }

    @Test
    void open_all_leaves_the_bikeep_lockers_out() throws Exception {
        JsonNode controller = addLocation(http, location);
        List<Long> bikeepLockers = lockersOf(controller).stream()
                .map(l -> l.get("lockerId").asLong())
                .toList();
        int commandsBefore = commandPosts();

        Http.Reply report = http.admin("POST", "/lockers/open-all", null);

        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        List<Long> opened = new ArrayList<>();
        report.body().get("results").forEach(r -> opened.add(r.get("lockerId").asLong()));
        assertThat(opened).as("the demo boards' lockers").hasSize(32);
        assertThat(opened).doesNotContainAnyElementsOf(bikeepLockers);
        assertThat(commandPosts()).isEqualTo(commandsBefore);
    }

    @Test
    void the_locker_count_of_a_bikeep_controller_cannot_be_changed() throws Exception {
        long controllerId = addLocation(http, location).get("controllerId").asLong();

        Http.Reply reply = http.admin("PATCH", "/controllers/" + controllerId + "/locker-count", "{\"lockerCount\":5}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(409);
        assertThat(reply.error()).isEqualTo("INVALID_STATE");
        assertThat(http.admin("GET", "/controllers/" + controllerId, null)
                        .body()
                        .get("lockerCount")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void releasing_a_locked_device_sends_force_unlock() throws Exception {
        addLocation(http, location);
        assertThat(create(http, "ride-4", "bike-locker").status()).isEqualTo(201);
        String device = deviceOf(lockerOf("ride-4"));
        assertThat(http.send("POST", "/transactions/ride-4/open", null).status())
                .isEqualTo(200);
        waitUntil("the device is LOCKED upstream", WAIT, () -> "LOCKED".equals(sim.deviceState(device)));

        Http.Reply released = http.send("DELETE", "/transactions/ride-4", null);

        assertThat(released.status()).as(released.raw()).isEqualTo(204);
        assertThat(sim.deviceState(device)).isEqualTo("UNLOCKED");
        assertThat(sim.requests()).anySatisfy(r -> assertThat(r.body()).contains("force-unlock"));
        assertThat(http.send("GET", "/transactions/ride-4", null).status()).isEqualTo(404);
    }

    @Test
    void a_maintenance_open_sends_force_unlock_and_keeps_the_transaction() throws Exception {
        addLocation(http, location);
        assertThat(create(http, "ride-5", "bike-locker").status()).isEqualTo(201);
        long lockerId = lockerOf("ride-5");
        String device = deviceOf(lockerId);

        Http.Reply opened = http.send("POST", "/lockers/" + lockerId + "/open", null);

        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        assertThat(opened.body().get("doorOpen").isNull()).isTrue();
        assertThat(sim.deviceState(device)).isEqualTo("UNLOCKED");
        assertThat(sim.requests()).anySatisfy(r -> assertThat(r.body()).contains("force-unlock"));
        assertThat(http.send("GET", "/transactions/ride-5", null).status()).isEqualTo(200);
    }

    @Test
    void a_device_taken_by_an_rfid_tap_is_not_handed_out() throws Exception {
        JsonNode controller = addLocation(http, location);
        List<JsonNode> lockers = lockersOf(controller);
        String tapped = lockers.get(0).get("external").get("deviceId").asText();
        long tappedLocker = lockers.get(0).get("lockerId").asLong();
        sim.takeByRfidTap(tapped);
        waitUntil(
                "Harbor sees the tapped device LOCKED",
                WAIT,
                () -> "LOCKED".equals(locker(http, tappedLocker).get("state").asText()));
        assertThat(locker(http, tappedLocker).get("available").asBoolean()).isFalse();

        for (String id : List.of("ride-6", "ride-7")) {
            create(http, id, "bike-locker");
        }

        assertThat(lockerOf("ride-6")).isNotEqualTo(tappedLocker);
        Http.Reply second = http.send("GET", "/transactions/ride-7", null);
        assertThat(second.status())
                .as("one free device was left for two creates")
                .isEqualTo(404);
        assertThat(sim.deviceState(tapped)).isEqualTo("LOCKED");
    }

    @Test
    void a_device_taken_upstream_just_before_a_create_is_skipped_for_the_next_one() throws Exception {
        JsonNode controller = addLocation(http, location);
        List<JsonNode> lockers = lockersOf(controller);
        // Taken upstream just now: whether the sync saw it or its book is refused, the other is booked.
        sim.setDeviceState(lockers.get(0).get("external").get("deviceId").asText(), "LOCKED", null);
        sim.setDeviceState(lockers.get(1).get("external").get("deviceId").asText(), "UNLOCKED", null);

        Http.Reply created = create(http, "ride-8", "bike-locker");

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(lockerOf("ride-8")).isEqualTo(lockers.get(1).get("lockerId").asLong());
    }

    private int commandPosts() {
        return (int) sim.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/commands"))
                .count();
    }
}
