package dev.harbor.app.bikeep;

import static dev.harbor.app.bikeep.BikeepGateway.addLocation;
import static dev.harbor.app.bikeep.BikeepGateway.create;
import static dev.harbor.app.bikeep.BikeepGateway.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.metrics.Exposition;
import dev.harbor.app.metrics.Promtool;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Bikeep client's calls in GET /metrics: counted by port, operation and outcome, with no id of Bikeep's or ours. */
class BikeepMetricsGatewayTest {

    private static final String RIDE = "ride-bob-5e1d77";
    private static final Map<String, String> DEVICES_OK = Map.of("port", "RemoteDevices", "outcome", "ok");
    private static final Map<String, String> DEVICES_ERROR = Map.of("port", "RemoteDevices", "outcome", "error");

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

    private Exposition scrape() throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        return Exposition.parse(reply.body());
    }

    private String scrapeText() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void bikeep_calls_and_their_failures_are_counted_by_port_operation_and_outcome_with_no_id_in_a_label()
            throws Exception {
        sim = BikeepGateway.simulator(
                BikeepSimulator.Settings.defaults().withCommandDelays(Duration.ofMillis(50), Duration.ofMillis(100)));
        String location = sim.addLocation("BIKE_LOCKERS", "Station B", 1);
        server = BikeepGateway.start(BikeepGateway.environment(dir, Map.of(), sim), BikeepGateway.FAST);
        Http http = BikeepGateway.http(server.port());
        addLocation(http, location);
        Http.Reply ride = create(http, RIDE, "bike-locker");
        assertThat(ride.status()).as(ride.raw()).isEqualTo(201);

        sim.refuseConnections(true);
        waitUntil(
                "a failed Bikeep call is counted",
                Duration.ofSeconds(30),
                () -> scrape().sum("harbor_bikeep_calls_seconds_count", DEVICES_ERROR) > 0);

        String text = scrapeText();
        Promtool.check(text);
        Exposition metrics = Exposition.parse(text);
        assertThat(metrics.sum("harbor_bikeep_calls_seconds_count", DEVICES_OK))
                .as("device reads and the book command")
                .isPositive();
        assertThat(metrics.sum("harbor_bikeep_calls_seconds_bucket", DEVICES_OK))
                .isPositive();
        assertThat(text).doesNotContain(RIDE).doesNotContain(location);
        for (String device : sim.deviceIds(location)) {
            assertThat(text).doesNotContain(device);
        }
    }
}
