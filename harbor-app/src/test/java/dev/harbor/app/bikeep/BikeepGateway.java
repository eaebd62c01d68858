package dev.harbor.app.bikeep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.BikeepConfig;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.config.HarborConfig;
import dev.harbor.app.testing.TestTuning;
import dev.harbor.application.remote.RemoteSiteSettings;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real gateway (demo boards, port 0) configured with {@code HARBOR_BIKEEP_*} against a Bikeep
 * simulator on loopback. The environment's limits (poll 1–2 s) are for operators; the tests pass
 * short {@link RemoteSiteSettings} straight into the loaded configuration so a command takes
 * milliseconds of polling, not seconds.
 */
final class BikeepGateway {

    static final String CLIENT_ID = "harbor-e2e";
    static final String CLIENT_SECRET = "e2e-client-secret-that-must-not-leak-4711";
    static final String WEBHOOK_SEED = "e2e-webhook-seed-that-must-not-leak-0815";
    static final String USER = "admin";
    static final String PASSWORD = "correct horse battery";
    static final HarborServer.Tuning TUNING = TestTuning.quickLockout(5);

    /** Sync every 200 ms, poll every 20 ms, give a create 5 s. */
    static final RemoteSiteSettings FAST = new RemoteSiteSettings(
            Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofHours(1));

    private BikeepGateway() {}

    static BikeepSimulator simulator(BikeepSimulator.Settings settings) {
        return BikeepSimulator.start(settings.withClientCredentials(CLIENT_ID, CLIENT_SECRET)
                .withWebhookSeed(WEBHOOK_SEED)
                .withPort(0));
    }

    /** The environment an operator would set; {@code database} adds HARBOR_DB_URL for PostgreSQL. */
    static Map<String, String> environment(Path dataDir, Map<String, String> database, BikeepSimulator sim) {
        Map<String, String> env = new HashMap<>(database);
        env.put("HARBOR_DATA_DIR", dataDir.toString());
        env.put("HARBOR_HTTP_HOST", "127.0.0.1");
        env.put("HARBOR_HTTP_PORT", "0");
        env.put("HARBOR_OPEN_ALL_GAP_MS", "0");
        env.put("HARBOR_ADMIN_USERNAME", USER);
        env.put("HARBOR_ADMIN_PASSWORD", PASSWORD);
        env.put("HARBOR_BIKEEP_CLIENT_ID", CLIENT_ID);
        env.put("HARBOR_BIKEEP_CLIENT_SECRET", CLIENT_SECRET);
        env.put("HARBOR_BIKEEP_WEBHOOK_SEED", WEBHOOK_SEED);
        env.put("HARBOR_BIKEEP_AUTH_URL", sim.baseUri().toString());
        env.put("HARBOR_BIKEEP_API_URL", sim.baseUri().toString());
        return env;
    }

    static HarborServer start(Map<String, String> env, RemoteSiteSettings remote) {
        HarborConfig loaded = ConfigLoader.load(env);
        BikeepConfig bikeep = loaded.bikeep().orElseThrow();
        HarborConfig config = new HarborConfig(
                loaded.httpHost(),
                loaded.httpPort(),
                loaded.dataDir(),
                loaded.dbUrl(),
                loaded.dbUser(),
                loaded.dbPassword(),
                loaded.layoutFile(),
                loaded.adminUsername(),
                loaded.adminPassword(),
                loaded.mdnsAddress(),
                loaded.sentryDsn(),
                loaded.rebootCommand(),
                loaded.gatewayName(),
                loaded.pollInterval(),
                loaded.openAllGap(),
                Optional.of(new BikeepConfig(
                        bikeep.clientId(),
                        bikeep.clientSecret(),
                        bikeep.authUrl(),
                        bikeep.apiUrl(),
                        bikeep.webhookSeed(),
                        remote)),
                loaded.apiKeys(),
                loaded.logLevel(),
                loaded.logFormat(),
                loaded.metricsEnabled());
        return HarborServer.start(config, TUNING);
    }

    static Http http(int port) {
        return new Http(port, USER, PASSWORD);
    }

    /** Adds the location as a controller; answers the 201 body. */
    static JsonNode addLocation(Http http, String locationId) throws Exception {
        Http.Reply added = http.admin(
                "POST",
                "/controllers",
                "{\"name\":\"Station B\",\"protocol\":\"bikeep\",\"transport\":{\"type\":\"bikeep\",\"locationId\":\""
                        + locationId + "\"}}");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.body();
    }

    static JsonNode locker(Http http, long lockerId) throws Exception {
        Http.Reply reply = http.send("GET", "/lockers/" + lockerId, null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    static Http.Reply create(Http http, String transactionId, String lockerType) throws Exception {
        return http.send(
                "POST",
                "/transactions",
                "{\"transactionId\":\"" + transactionId + "\""
                        + (lockerType == null ? "" : ",\"lockerType\":\"" + lockerType + "\"") + "}");
    }

    static void waitUntil(String what, Duration timeout, Check condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }
}
