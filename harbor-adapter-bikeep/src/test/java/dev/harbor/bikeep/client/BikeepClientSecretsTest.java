package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BikeepClientSecretsTest {

    private static final String WRONG_SECRET = "wrong-secret-456";

    private BikeepSimulator sim;
    private String device;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(Simulated.settings());
        String location = sim.addLocation("BIKE_LOCKERS", "Office A", 2);
        device = sim.deviceIds(location).get(1);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void neither_the_secret_nor_a_token_appears_in_a_log_line_or_an_exception_message() {
        List<String> messages = new ArrayList<>();
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            BikeepClient client =
                    Simulated.client(sim).requestTimeout(Duration.ofMillis(300)).build();
            client.locations();
            sim.revokeTokens();
            client.locations();
            sim.failNext(500, 4);
            collect(messages, () -> client.device(device));
            collect(messages, () -> client.device("no-such-device"));
            sim.delayResponses(Duration.ofMillis(1000));
            collect(messages, () -> client.sendCommand(device, DeviceCommand.LOCK));
            sim.delayResponses(Duration.ZERO);
            BikeepClient refused = Simulated.client(sim)
                    .credentials(Simulated.CLIENT_ID, WRONG_SECRET)
                    .build();
            collect(messages, refused::locations);
            collect(messages, refused::locations);
            logLines = logs.lines();
        }

        Set<String> secrets = new LinkedHashSet<>(List.of(Simulated.CLIENT_SECRET, WRONG_SECRET));
        secrets.addAll(tokensSent());
        assertThat(secrets).as("tokens were used").hasSizeGreaterThan(3);
        assertThat(messages)
                .filteredOn(m -> m.startsWith("dev.harbor.bikeep.client.Bikeep"))
                .hasSize(5);
        assertThat(logLines).isNotEmpty();
        for (String secret : secrets) {
            assertThat(logLines).noneMatch(line -> line.contains(secret));
            assertThat(messages).noneMatch(message -> message.contains(secret));
        }
    }

    private Set<String> tokensSent() {
        Set<String> tokens = new LinkedHashSet<>();
        for (var request : sim.requests()) {
            request.headers().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Authorization")) {
                    for (String value : values) {
                        tokens.add(value.substring("Bearer ".length()));
                    }
                }
            });
        }
        return tokens;
    }

    private static void collect(List<String> messages, Runnable call) {
        try {
            call.run();
        } catch (BikeepException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
            messages.add(e.toString());
        }
    }
}
