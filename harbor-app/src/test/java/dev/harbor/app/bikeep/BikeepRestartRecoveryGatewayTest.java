package dev.harbor.app.bikeep;

import static dev.harbor.app.bikeep.BikeepGateway.addLocation;
import static dev.harbor.app.bikeep.BikeepGateway.create;
import static dev.harbor.app.bikeep.BikeepGateway.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.testing.TestDatabases;
import dev.harbor.application.remote.RemoteSiteSettings;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A booking that lands upstream after the create gave up, while no gateway runs, is cancelled by
 * the next gateway started on the same database: no device stays booked by Harbor without a
 * transaction. Bikeep's commands take 3 s here; the gateway waits 500 ms for a {@code book}.
 */
class BikeepRestartRecoveryGatewayTest {

    private static final RemoteSiteSettings IMPATIENT = new RemoteSiteSettings(
            Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofHours(1));

    @TempDir
    Path dir;

    private BikeepSimulator sim;
    private HarborServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void a_booking_landing_while_the_gateway_is_down_is_cancelled_after_the_restart_on_sqlite() throws Exception {
        recovers(Map.of());
    }

    @Tag("postgres")
    @Test
    void a_booking_landing_while_the_gateway_is_down_is_cancelled_after_the_restart_on_postgresql() throws Exception {
        String url = TestDatabases.freshPostgresSchema();
        try {
            recovers(Map.of("HARBOR_DB_URL", url));
        } finally {
            TestDatabases.dropSchemaOf(url);
        }
    }

    private void recovers(Map<String, String> database) throws Exception {
        sim = BikeepGateway.simulator(BikeepSimulator.Settings.defaults()
                .withCommandDelays(Duration.ofMillis(2_500), Duration.ofMillis(500))
                .withCommandTimeout(Duration.ofSeconds(30)));
        String location = sim.addLocation("BIKE_LOCKERS", "Station B", 1);
        String device = sim.deviceIds(location).get(0);
        Map<String, String> env = BikeepGateway.environment(dir, database, sim);
        server = BikeepGateway.start(env, IMPATIENT);
        Http http = BikeepGateway.http(server.port());
        addLocation(http, location);

        Http.Reply created = create(http, "ride-1", "bike-locker");
        assertThat(created.status()).as(created.raw()).isEqualTo(503);
        assertThat(created.error()).isEqualTo("CONTROLLER_UNAVAILABLE");
        server.close();
        server = null;
        assertThat(sim.deviceState(device)).as("the book is still on its way").isNotEqualTo("BOOKED");

        waitUntil("the booking lands upstream", Duration.ofSeconds(10), () -> "BOOKED".equals(sim.deviceState(device)));
        Thread.sleep(300);
        assertThat(sim.deviceState(device))
                .as("nobody freed it while the gateway was down")
                .isEqualTo("BOOKED");

        server = BikeepGateway.start(env, IMPATIENT);
        Http restarted = BikeepGateway.http(server.port());
        waitUntil(
                "the restarted gateway cancels the booking",
                Duration.ofSeconds(15),
                () -> "UNLOCKED".equals(sim.deviceState(device)));
        assertThat(sim.requests()).anySatisfy(r -> assertThat(r.body()).contains("cancel-booking"));
        assertThat(restarted.send("GET", "/transactions/ride-1", null).status()).isEqualTo(404);
        assertThat(restarted.send("GET", "/transactions", null).body()).isEmpty();
        waitUntil("the bike locker is available again", Duration.ofSeconds(10), () -> {
            var bike = restarted
                    .send("GET", "/lockers?lockerType=bike-locker", null)
                    .body()
                    .get(0);
            return device.equals(bike.get("external").get("deviceId").asText())
                    && bike.get("available").asBoolean();
        });
    }
}
