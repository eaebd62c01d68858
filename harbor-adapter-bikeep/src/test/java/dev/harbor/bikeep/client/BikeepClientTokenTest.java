package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.fakes.MutableClock;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BikeepClientTokenTest {

    private BikeepSimulator sim;
    private String location;

    @BeforeEach
    void start() {
        sim = BikeepSimulator.start(Simulated.settings());
        location = sim.addLocation("BIKE_LOCKERS", "Office A", 4);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void a_hundred_concurrent_calls_fetch_the_token_once() throws Exception {
        BikeepClient client = Simulated.client(sim).build();

        List<List<Location>> answers = concurrently(100, client::locations);

        assertThat(answers)
                .hasSize(100)
                .allSatisfy(locations ->
                        assertThat(locations).extracting(Location::id).containsExactly(location));
        assertThat(sim.tokenFetches()).isEqualTo(1);
    }

    @Test
    void a_token_close_to_its_expiry_is_renewed_once_for_all_callers() throws Exception {
        sim.close();
        sim = BikeepSimulator.start(Simulated.settings().withTokenLifetime(Duration.ofHours(1)));
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        BikeepClient client = Simulated.client(sim).clock(clock).build();
        client.locations();
        clock.advance(Duration.ofMinutes(58));
        client.locations();
        assertThat(sim.tokenFetches()).as("more than 60 s left: kept").isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        concurrently(20, client::locations);
        client.locations();

        assertThat(sim.tokenFetches()).as("less than 60 s left: renewed once").isEqualTo(2);
    }

    @Test
    void a_revoked_token_is_fetched_again_once_and_the_call_succeeds() throws Exception {
        BikeepClient client = Simulated.client(sim).build();
        client.locations();

        sim.revokeTokens();
        List<List<Device>> answers = concurrently(20, () -> client.devices(location));

        assertThat(answers).allSatisfy(devices -> assertThat(devices).isNotEmpty());
        assertThat(sim.tokenFetches()).isEqualTo(2);
    }

    @Test
    void refused_credentials_fail_clearly_and_the_token_endpoint_is_not_asked_again_at_once() {
        BikeepClient client = Simulated.client(sim)
                .credentials(Simulated.CLIENT_ID, "wrong-secret-456")
                .build();

        assertThatThrownBy(client::locations)
                .isInstanceOf(BikeepCredentialsException.class)
                .hasMessageContaining("refused the client credentials")
                .hasMessageContaining("demo")
                .hasMessageNotContaining("wrong-secret-456");
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> client.devices(location)).isInstanceOf(BikeepCredentialsException.class);
        }

        assertThat(sim.tokenFetches()).as("no hot loop").isEqualTo(1);
    }

    @Test
    void the_wait_after_refused_credentials_doubles_up_to_its_maximum() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        BikeepClient client = Simulated.client(sim)
                .credentials(Simulated.CLIENT_ID, "wrong-secret-456")
                .credentialBackoff(Duration.ofSeconds(5), Duration.ofSeconds(20))
                .clock(clock)
                .build();
        List<Instant> nextAttempts = new ArrayList<>();

        for (int second = 0; second < 120; second++) {
            try {
                client.locations();
            } catch (BikeepCredentialsException e) {
                if (!nextAttempts.contains(e.nextAttemptAt())) {
                    nextAttempts.add(e.nextAttemptAt());
                }
            }
            clock.advance(Duration.ofSeconds(1));
        }

        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(nextAttempts)
                .startsWith(
                        start.plusSeconds(5), // refused at 0 s
                        start.plusSeconds(5 + 10), // refused at 5 s
                        start.plusSeconds(15 + 20), // refused at 15 s
                        start.plusSeconds(35 + 20)); // capped
        assertThat(sim.tokenFetches()).isEqualTo(nextAttempts.size());
    }

    static <T> List<T> concurrently(int callers, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
