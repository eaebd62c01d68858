package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BikeepClientRetryTest {

    private static final String LOCATIONS = "/location/v1/locations";

    private BikeepSimulator sim;
    private String location;
    private String device;
    private BikeepClient client;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(Simulated.settings());
        location = sim.addLocation("BIKE_LOCKERS", "Office A", 4);
        device = sim.deviceIds(location).get(0);
        client = Simulated.client(sim).build();
        client.locations(); // the token is fetched before the failures start
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void a_get_answered_500_is_retried_and_succeeds() {
        sim.failNext(500, 2);

        assertThat(client.locations()).extracting(Location::id).containsExactly(location);

        assertThat(requests("GET", LOCATIONS)).isEqualTo(1 + 3);
    }

    @Test
    void a_get_is_retried_three_times_then_fails_with_the_last_status() {
        sim.failNext(500, 10);

        assertThatThrownBy(client::locations)
                .isInstanceOfSatisfying(
                        BikeepException.class, e -> assertThat(e.statusCode()).isEqualTo(500));

        assertThat(requests("GET", LOCATIONS)).isEqualTo(1 + 4);
    }

    @Test
    void a_get_answered_429_waits_for_retry_after_before_the_retry() {
        sim.failNextWithRetryAfter(429, Duration.ofSeconds(1), 1);

        try (LogCapture logs = new LogCapture()) {
            assertThat(client.locations()).isNotEmpty();

            // The delay the client scheduled, not a stopwatch: the machine's load cannot move it.
            assertThat(logs.lines(Level.WARN))
                    .filteredOn(line -> line.contains("answered 429"))
                    .singleElement()
                    .satisfies(line -> assertThat(line).endsWith("in 1000 ms"));
        }
        assertThat(requests("GET", LOCATIONS)).isEqualTo(1 + 2);
    }

    @Test
    void a_get_is_retried_while_connections_are_refused() {
        BikeepClient patient = Simulated.client(sim)
                .retries(3, Duration.ofMillis(150), Duration.ofMillis(600))
                .build();
        sim.refuseConnections(true);
        CompletableFuture<Void> restored = CompletableFuture.runAsync(
                () -> sim.refuseConnections(false),
                CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS));

        assertThat(patient.devices(location)).isNotEmpty();
        restored.join();
    }

    @Test
    void a_get_gives_up_after_three_retries_when_connections_stay_refused() {
        sim.refuseConnections(true);
        try (LogCapture logs = new LogCapture()) {
            assertThatThrownBy(() -> client.device(device))
                    .isInstanceOfSatisfying(
                            BikeepException.class,
                            e -> assertThat(e.statusCode()).isZero())
                    .hasCauseInstanceOf(ConnectException.class);

            assertThat(logs.lines(Level.WARN))
                    .filteredOn(line -> line.contains("retry"))
                    .hasSize(3);
        }
    }

    @Test
    void a_command_whose_answer_times_out_is_not_sent_again() {
        BikeepClient impatient =
                Simulated.client(sim).requestTimeout(Duration.ofMillis(300)).build();
        impatient.locations();
        sim.delayResponses(Duration.ofMillis(1500));

        assertThatThrownBy(() -> impatient.sendCommand(device, DeviceCommand.BOOK))
                .isInstanceOfSatisfying(
                        BikeepOutcomeUnknownException.class,
                        e -> assertThat(e.deviceId()).isEqualTo(device))
                .hasMessageContaining("re-read device " + device);

        sim.delayResponses(Duration.ZERO);
        assertThat(requests("POST", commandsPath())).isEqualTo(1);
    }

    @Test
    void a_command_answered_503_is_sent_again() {
        sim.failNext(503, 2);

        CommandRecord sent = client.sendCommand(device, DeviceCommand.BOOK);

        assertThat(sent.deviceId()).isEqualTo(device);
        assertThat(requests("POST", commandsPath())).isEqualTo(3);
    }

    @Test
    void a_command_answered_429_is_sent_again_after_retry_after() {
        sim.failNextWithRetryAfter(429, Duration.ofSeconds(1), 1);

        assertThat(client.sendCommand(device, DeviceCommand.BOOK).id()).isNotBlank();

        assertThat(requests("POST", commandsPath())).isEqualTo(2);
    }

    @Test
    void a_command_is_sent_again_while_connections_are_refused() {
        BikeepClient patient = Simulated.client(sim)
                .retries(3, Duration.ofMillis(150), Duration.ofMillis(600))
                .build();
        patient.locations();
        sim.refuseConnections(true);
        CompletableFuture<Void> restored = CompletableFuture.runAsync(
                () -> sim.refuseConnections(false),
                CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS));

        assertThat(patient.sendCommand(device, DeviceCommand.BOOK).id()).isNotBlank();
        restored.join();

        assertThat(requests("POST", commandsPath())).isEqualTo(1);
    }

    @Test
    void a_command_answered_500_is_not_sent_again() {
        sim.failNext(500, 1);

        assertThatThrownBy(() -> client.sendCommand(device, DeviceCommand.BOOK))
                .isInstanceOfSatisfying(
                        BikeepException.class, e -> assertThat(e.statusCode()).isEqualTo(500));

        assertThat(requests("POST", commandsPath())).isEqualTo(1);
    }

    private String commandsPath() {
        return "/device/v1/devices/" + device + "/commands";
    }

    private long requests(String method, String path) {
        return sim.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }
}
