package dev.harbor.app.bikeep;

import static dev.harbor.app.bikeep.BikeepGateway.addLocation;
import static dev.harbor.app.bikeep.BikeepGateway.create;
import static dev.harbor.app.bikeep.BikeepGateway.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process killed with SIGKILL while a command is in flight. A {@code book}: the booking
 * lands upstream with nobody waiting, and the next gateway on the same database cancels it. An
 * {@code unlock}: the transaction (answered 201 long before) is still there, and the device is free.
 */
class BikeepKillNineGatewayTest {

    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    @TempDir
    Path dir;

    private BikeepSimulator sim;
    private Process child;
    private HarborServer server;
    private String device;
    private Map<String, String> env;
    private final StringBuffer output = new StringBuffer();

    @AfterEach
    void stop() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void a_booking_in_flight_when_the_gateway_is_killed_is_cancelled_by_the_next_one() throws Exception {
        Http http = childGatewayWithOneBikeLocker(Duration.ofMillis(2_500));
        Thread creator = new Thread(() -> {
            try {
                create(http, "ride-1", "bike-locker");
            } catch (Exception connectionLost) {
                // expected: the gateway dies under it
            }
        });
        creator.start();
        waitUntil(
                "the book reached Bikeep",
                Duration.ofSeconds(10),
                () -> sim.requests().stream()
                        .anyMatch(
                                r -> r.path().endsWith("/commands") && r.body().contains("book")));
        Thread.sleep(200); // the gateway has the command's answer and is polling it
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        creator.join(10_000);
        assertThat(sim.deviceState(device)).as("the book is still on its way").isNotEqualTo("BOOKED");
        waitUntil("the booking lands upstream", Duration.ofSeconds(10), () -> "BOOKED".equals(sim.deviceState(device)));

        server = BikeepGateway.start(env, BikeepGateway.FAST);
        Http restarted = BikeepGateway.http(server.port());
        int before = sim.requests().size();
        try {
            waitUntil(
                    "the next gateway cancels the booking",
                    Duration.ofSeconds(20),
                    () -> "UNLOCKED".equals(sim.deviceState(device)));
        } catch (AssertionError e) {
            StringBuilder seen = new StringBuilder();
            sim.requests().stream()
                    .skip(Math.max(0, before - 5))
                    .filter(r -> !r.path().contains("oauth2")) // a token request's body holds the secret
                    .limit(40)
                    .forEach(r -> seen.append(r.method())
                            .append(' ')
                            .append(r.path())
                            .append(' ')
                            .append(r.body())
                            .append('\n'));
            throw new AssertionError(e.getMessage() + "; device " + sim.deviceState(device) + "; transaction "
                    + restarted.send("GET", "/transactions/ride-1", null).raw() + "; Bikeep saw:\n" + seen);
        }
        assertThat(restarted.send("GET", "/transactions/ride-1", null).status())
                .as(output.toString())
                .isEqualTo(404);
    }

    @Test
    void an_unlock_in_flight_when_the_gateway_is_killed_loses_no_transaction() throws Exception {
        Http http = childGatewayWithOneBikeLocker(Duration.ofMillis(1_500));
        assertThat(create(http, "ride-1", "bike-locker").status())
                .as(output.toString())
                .isEqualTo(201);
        assertThat(http.send("POST", "/transactions/ride-1/open", null).status())
                .isEqualTo(200);
        waitUntil("the bike is secured", Duration.ofSeconds(20), () -> "LOCKED".equals(sim.deviceState(device)));
        // Harbor learns its lock succeeded at its next command round (the pick-up needs it).
        waitUntil(
                "Harbor knows it locked the device",
                Duration.ofSeconds(20),
                () -> "LOCKED"
                        .equals(BikeepGateway.locker(http, lockerIdOf(http))
                                .get("state")
                                .asText()));
        Thread.sleep(1_500);
        Thread pickUp = new Thread(() -> {
            try {
                http.send("POST", "/transactions/ride-1/open", null);
            } catch (Exception connectionLost) {
                // expected: the gateway dies under it
            }
        });
        pickUp.start();
        waitUntil(
                "the unlock reached Bikeep",
                Duration.ofSeconds(10),
                () -> sim.requests().stream()
                        .anyMatch(
                                r -> r.path().endsWith("/commands") && r.body().contains("\"unlock\"")));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        pickUp.join(10_000);
        waitUntil(
                "the unlock lands upstream", Duration.ofSeconds(10), () -> "UNLOCKED".equals(sim.deviceState(device)));

        server = BikeepGateway.start(env, BikeepGateway.FAST);
        Http restarted = BikeepGateway.http(server.port());

        Http.Reply transaction = restarted.send("GET", "/transactions/ride-1", null);
        assertThat(transaction.status())
                .as("a transaction answered 201 survives the kill")
                .isEqualTo(200);
        long lockerId = transaction.body().get("lockerId").asLong();
        waitUntil(
                "the restarted gateway shows the device as it is",
                Duration.ofSeconds(10),
                () -> "UNLOCKED"
                        .equals(BikeepGateway.locker(restarted, lockerId)
                                .get("state")
                                .asText()));
        assertThat(BikeepGateway.locker(restarted, lockerId)
                        .get("transactionId")
                        .asText())
                .isEqualTo("ride-1");
        int commandsBefore = commandPosts();
        Http.Reply released = restarted.send("DELETE", "/transactions/ride-1", null);
        assertThat(released.status()).as(released.raw()).isEqualTo(204);
        assertThat(commandPosts())
                .as("the device was already free: nothing sent")
                .isEqualTo(commandsBefore);
        assertThat(sim.deviceState(device)).isEqualTo("UNLOCKED");
    }

    private static long lockerIdOf(Http http) throws Exception {
        return http.send("GET", "/transactions/ride-1", null)
                .body()
                .get("lockerId")
                .asLong();
    }

    private int commandPosts() {
        return (int) sim.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/commands"))
                .count();
    }

    /**
     * A gateway in a child process (so that it can be killed) with one Bikeep location of one
     * bike locker, whose commands take {@code toReceived} to be received and 500 ms more to succeed.
     */
    private Http childGatewayWithOneBikeLocker(Duration toReceived) throws Exception {
        sim = BikeepGateway.simulator(BikeepSimulator.Settings.defaults()
                .withCommandDelays(toReceived, Duration.ofMillis(500))
                .withCommandTimeout(Duration.ofSeconds(30)));
        String location = sim.addLocation("BIKE_LOCKERS", "Station B", 1);
        device = sim.deviceIds(location).get(0);
        env = BikeepGateway.environment(dir, Map.of(), sim);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        child = startChild(env, port, output);
        Http http = BikeepGateway.http(port.get(60, TimeUnit.SECONDS));
        addLocation(http, location);
        return http;
    }

    private static Process startChild(Map<String, String> env, CompletableFuture<Integer> port, StringBuffer output)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), "dev.harbor.app.cli.HarborCommand")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("HARBOR_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (Exception closed) {
                // the process is gone
            } finally {
                port.completeExceptionally(new IllegalStateException("the gateway exited:\n" + output));
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }
}
