package dev.harbor.app.bikeep;

import static dev.harbor.app.bikeep.BikeepGateway.addLocation;
import static dev.harbor.app.bikeep.BikeepGateway.create;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.logging.MemoryLogBook;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client secret, the tokens Bikeep issued and the webhook seed appear in no log line and no
 * response body, through a flow with failures: a refused token, Bikeep errors, a failed create,
 * and webhooks with a right and a wrong hash.
 */
class BikeepSecretsGatewayTest {

    @TempDir
    Path dir;

    private BikeepSimulator sim;
    private HarborServer server;
    private final List<String> bodies = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private Http.Reply record(Http.Reply reply) {
        bodies.add(String.valueOf(reply.raw()));
        return reply;
    }

    @Test
    void no_secret_of_the_bikeep_integration_reaches_a_log_line_or_a_response() throws Exception {
        Instant since = Instant.now();
        sim = BikeepGateway.simulator(
                BikeepSimulator.Settings.defaults().withCommandDelays(Duration.ofMillis(50), Duration.ofMillis(100)));
        String location = sim.addLocation("BIKE_LOCKERS", "Station B", 1);
        String device = sim.deviceIds(location).get(0);
        server = BikeepGateway.start(BikeepGateway.environment(dir, Map.of(), sim), BikeepGateway.FAST);
        Http http = BikeepGateway.http(server.port());
        addLocation(http, location);

        assertThat(record(create(http, "ride-1", "bike-locker")).status()).isEqualTo(201);
        sim.revokeTokens();
        assertThat(record(http.send("POST", "/transactions/ride-1/open", null)).status())
                .isEqualTo(200);
        sim.setDeviceOnline(device, false);
        record(http.send("DELETE", "/transactions/ride-1", null));
        sim.setDeviceOnline(device, true);
        sim.failNext(500, 8);
        record(http.admin("GET", "/bikeep/locations", null));
        sim.refuseConnections(true);
        Http.Reply down = record(http.admin("GET", "/bikeep/locations", null));
        assertThat(down.status()).isEqualTo(503);
        sim.refuseConnections(false);
        record(create(http, "ride-2", "bike-locker"));
        URI webhooks = URI.create("http://127.0.0.1:" + server.port() + "/bikeep/webhooks");
        String event = "{\"location_id\":\"" + location + "\",\"alarm_reason\":\"tamper\",\"alarm_category\":\"x\"}";
        assertThat(sim.postWebhook(webhooks, "alarm", event, true)).isEqualTo(200);
        assertThat(sim.postWebhook(webhooks, "alarm", event, false)).isEqualTo(401);

        List<String> tokens = sim.requests().stream()
                .map(r -> r.header("Authorization"))
                .filter(Objects::nonNull)
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring("Bearer ".length()))
                .distinct()
                .toList();
        assertThat(tokens)
                .as("a token was revoked, so at least two were issued")
                .hasSizeGreaterThanOrEqualTo(2);
        String logged = String.join(
                "\n",
                MemoryLogBook.installed().recent(null, 5000, since).stream()
                        .map(e -> e.message() + " " + e.error())
                        .toList());
        assertThat(logged).as("the failures were logged").contains("Bikeep");
        String responses = String.join("\n", bodies);
        for (String secret : secrets(tokens)) {
            assertThat(logged).as("the log").doesNotContain(secret);
            assertThat(responses).as("the responses").doesNotContain(secret);
        }
        assertThat(server.harbor().stores().auditTrail().recent(500, null).toString())
                .doesNotContain(secrets(tokens));
    }

    private static String[] secrets(List<String> tokens) {
        List<String> all = new ArrayList<>(tokens);
        all.add(BikeepGateway.CLIENT_SECRET);
        all.add(BikeepGateway.WEBHOOK_SEED);
        return all.toArray(String[]::new);
    }
}
