package dev.harbor.app.bikeep;

import static dev.harbor.app.bikeep.BikeepGateway.addLocation;
import static dev.harbor.app.bikeep.BikeepGateway.create;
import static dev.harbor.app.bikeep.BikeepGateway.locker;
import static dev.harbor.app.bikeep.BikeepGateway.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bikeep down does not take the gateway's own boards with it, and its lockers come back after it. */
class BikeepOutageGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private BikeepSimulator sim;
    private HarborServer server;
    private Http http;
    private long bikeLocker;

    @BeforeEach
    void start() throws Exception {
        sim = BikeepGateway.simulator(
                BikeepSimulator.Settings.defaults().withCommandDelays(Duration.ofMillis(50), Duration.ofMillis(100)));
        String location = sim.addLocation("BIKE_LOCKERS", "Station B", 1);
        server = BikeepGateway.start(BikeepGateway.environment(dir, Map.of(), sim), BikeepGateway.FAST);
        http = BikeepGateway.http(server.port());
        bikeLocker = addLocation(http, location)
                .get("lockers")
                .get(0)
                .get("lockerId")
                .asLong();
        assertThat(locker(http, bikeLocker).get("operational").asBoolean()).isTrue();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        sim.close();
    }

    @Test
    void with_bikeep_unreachable_own_boards_still_work_and_bike_lockers_come_back_after_a_sync() throws Exception {
        sim.refuseConnections(true);
        waitUntil(
                "the bike locker is not operational",
                WAIT,
                () -> !locker(http, bikeLocker).get("operational").asBoolean());
        assertThat(locker(http, bikeLocker).get("available").asBoolean()).isFalse();

        Http.Reply parcel = create(http, "parcel-1", "small");
        assertThat(parcel.status()).as(parcel.raw()).isEqualTo(201);
        Http.Reply opened = http.send("POST", "/transactions/parcel-1/open", null);
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
        assertThat(opened.body().get("doorOpen").isNull())
                .as("an own board reports its door")
                .isFalse();

        Http.Reply ride = create(http, "ride-1", "bike-locker");
        assertThat(ride.status()).as(ride.raw()).isEqualTo(503);
        assertThat(ride.error()).isEqualTo("NO_AVAILABLE_LOCKERS");
        assertThat(http.send("GET", "/transactions/ride-1", null).status()).isEqualTo(404);

        sim.refuseConnections(false);
        waitUntil("the bike locker is operational and available again", WAIT, () -> {
            var view = locker(http, bikeLocker);
            return view.get("operational").asBoolean() && view.get("available").asBoolean();
        });
        assertThat(create(http, "ride-2", "bike-locker").status()).isEqualTo(201);
    }

    @Test
    void with_bikeep_answering_500_the_bike_locker_is_not_operational_until_it_recovers() throws Exception {
        // Each sync's device-list GET is tried four times: three syncs fail, then Bikeep is back.
        sim.failNext(500, 12);
        waitUntil(
                "the bike locker is not operational",
                WAIT,
                () -> !locker(http, bikeLocker).get("operational").asBoolean());

        Http.Reply parcel = create(http, "parcel-1", "medium");
        assertThat(parcel.status()).as(parcel.raw()).isEqualTo(201);
        assertThat(http.send("POST", "/transactions/parcel-1/open", null).status())
                .isEqualTo(200);
        Http.Reply ride = create(http, "ride-1", "bike-locker");
        assertThat(ride.status()).as(ride.raw()).isEqualTo(503);
        assertThat(ride.error()).isEqualTo("NO_AVAILABLE_LOCKERS");

        waitUntil(
                "the bike locker is operational again",
                WAIT,
                () -> locker(http, bikeLocker).get("operational").asBoolean());
    }

    @Test
    void with_the_location_offline_its_locker_is_not_operational_until_it_is_back() throws Exception {
        String location = sim.locationIds().get(0);
        sim.setLocationOnline(location, false);
        waitUntil(
                "the bike locker is not operational",
                WAIT,
                () -> !locker(http, bikeLocker).get("operational").asBoolean());
        Http.Reply ride = create(http, "ride-1", "bike-locker");
        assertThat(ride.status()).as(ride.raw()).isEqualTo(503);
        assertThat(ride.error()).isEqualTo("NO_AVAILABLE_LOCKERS");

        sim.setLocationOnline(location, true);
        waitUntil(
                "the bike locker is operational again",
                WAIT,
                () -> locker(http, bikeLocker).get("operational").asBoolean());
    }
}
