package dev.harbor.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.layout.DemoLayout;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.app.testing.TestTuning;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import dev.harbor.hardware.simulator.SimulatedBoard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real gateway for the console's browser tests: SQLite in a temporary folder, the demo layout
 * (two simulated Kerong boards of 16 lockers on the bus "demo"), one admin, a short open-all gap.
 * The test checks what the page did through the API and the simulated boards, never through the page.
 */
final class ConsoleGateway implements AutoCloseable {

    static final String USER = "operator";
    static final String PASSWORD = "correct horse battery";

    /** Three failed logins lock a client out for two seconds (the page's 429 message). */
    private static final HarborServer.Tuning TUNING = TestTuning.quickLockout(3);

    private final HarborServer server;
    private final AdminHttp http;
    private final String basic = AdminHttp.basic(USER, PASSWORD);

    ConsoleGateway(Path dataDir, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("HARBOR_DATA_DIR", dataDir.toString());
        env.put("HARBOR_HTTP_HOST", "127.0.0.1");
        env.put("HARBOR_HTTP_PORT", "0");
        env.put("HARBOR_ADMIN_USERNAME", USER);
        env.put("HARBOR_ADMIN_PASSWORD", PASSWORD);
        env.put("HARBOR_OPEN_ALL_GAP_MS", "5");
        env.put("HARBOR_POLL_INTERVAL_MS", "200");
        this.server = HarborServer.start(ConfigLoader.load(env), TUNING);
        this.http = new AdminHttp(server.port());
    }

    /** The configuration that points a gateway at a Bikeep cloud simulator on loopback. */
    static Map<String, String> bikeep(BikeepSimulator simulator, String clientId, String clientSecret) {
        return Map.of(
                "HARBOR_BIKEEP_CLIENT_ID",
                clientId,
                "HARBOR_BIKEEP_CLIENT_SECRET",
                clientSecret,
                "HARBOR_BIKEEP_AUTH_URL",
                simulator.baseUri().toString(),
                "HARBOR_BIKEEP_API_URL",
                simulator.baseUri().toString());
    }

    int port() {
        return server.port();
    }

    /** An API call with the admin's Basic credentials; fails the test on a transport error. */
    AdminHttp.Reply api(String method, String path, String json) {
        try {
            return http.send(method, path, json, "Authorization", basic);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    AdminHttp.Reply unauthenticated(String method, String path, String... headers) {
        try {
            return http.send(method, path, null, headers);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** A page or file of the console, as it comes over the wire (not JSON). */
    HttpResponse<String> raw(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    JsonNode locker(long lockerId) {
        return api("GET", "/lockers/" + lockerId, null).body();
    }

    /** The simulated board behind a demo locker: lockers 1–16 on address 0, 17–32 on address 1. */
    SimulatedBoard demoBoard(int address) {
        return simulatedBoard(DemoLayout.BUS, address);
    }

    SimulatedBoard simulatedBoard(String bus, int address) {
        return server.simulatedBuses()
                .existing(bus)
                .orElseThrow(() -> new AssertionError("no simulated bus " + bus))
                .board(address)
                .orElseThrow(() -> new AssertionError("no simulated board " + address + " on " + bus));
    }

    boolean hasSimulatedBoard(String bus, int address) {
        return server.simulatedBuses()
                .existing(bus)
                .flatMap(b -> b.board(address))
                .isPresent();
    }

    @Override
    public void close() {
        server.close();
    }
}
