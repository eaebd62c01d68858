package dev.harbor.bikeep.client;

import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.time.Duration;

/** The simulator and a client pointed at it, as most tests want them. */
final class Simulated {

    static final String CLIENT_ID = "demo";
    static final String CLIENT_SECRET = "demo-secret-123";

    private Simulated() {}

    static BikeepSimulator.Settings settings() {
        return BikeepSimulator.Settings.defaults()
                .withClientCredentials(CLIENT_ID, CLIENT_SECRET)
                .withCommandDelays(Duration.ofMillis(50), Duration.ofMillis(50))
                .withPort(0);
    }

    /** A client with short retry delays, so that retry tests stay fast. */
    static BikeepClient.Builder client(BikeepSimulator sim) {
        return BikeepClient.builder()
                .authUrl(sim.baseUri())
                .apiUrl(sim.baseUri())
                .credentials(CLIENT_ID, CLIENT_SECRET)
                .retries(3, Duration.ofMillis(20), Duration.ofMillis(200));
    }
}
