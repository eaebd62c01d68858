package dev.harbor.benchmarks.bikeep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.harbor.app.Harbor;
import dev.harbor.app.HarborStores;
import dev.harbor.application.remote.RemoteSiteSettings;
import dev.harbor.bikeep.BikeepRemoteAllowlists;
import dev.harbor.bikeep.BikeepRemoteDevices;
import dev.harbor.bikeep.BikeepRemoteSites;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import dev.harbor.hardware.BusLockBoard;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.http.HttpApi;
import dev.harbor.http.api.AdminApiUseCases;
import dev.harbor.http.api.LocalApiUseCases;
import dev.harbor.persistence.BcryptPasswordHasher;
import dev.harbor.persistence.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * A whole gateway on 127.0.0.1 and a free port, wired as {@code HarborServer} wires it (SQLite with
 * {@code synchronous=FULL}, the Local and Admin APIs, the Bikeep integration), but through {@code
 * Harbor.builder()} so the benchmark chooses the command poll period (the server's configuration
 * allows 1000-2000 ms only), the clock, and sees the device-list calls of the Bikeep port.
 */
final class BikeepGateway implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "bench";
    private static final String PASSWORD = "bench-password-4711";

    private final Database database;
    private final Harbor harbor;
    private final HttpApi http;
    private final TimedRemoteDevices devices;
    private final int port;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String session;

    private BikeepGateway(Database database, Harbor harbor, HttpApi http, TimedRemoteDevices devices, int port) {
        this.database = database;
        this.harbor = harbor;
        this.http = http;
        this.devices = devices;
        this.port = port;
    }

    static BikeepGateway start(BikeepSimulator sim, RemoteSiteSettings settings, Clock clock) throws IOException {
        Path dir = Files.createTempDirectory("harbor-bikeep-bench");
        Database database = Database.sqlite(dir);
        BikeepSimulator.Settings simSettings = sim.settings();
        BikeepClient bikeep = BikeepClient.builder()
                .authUrl(sim.baseUri())
                .apiUrl(sim.baseUri())
                .credentials(simSettings.clientId(), simSettings.clientSecret())
                .build();
        TimedRemoteDevices devices = new TimedRemoteDevices(new BikeepRemoteDevices(bikeep));
        Harbor harbor = Harbor.builder()
                .stores(HarborStores.of(database))
                .lockBoard(observer ->
                        new BusLockBoard(observer, clock, BusLockBoardSettings.DEFAULTS, BusLinkFactory.serialAndTcp()))
                .clock(clock)
                .passwordHasher(new BcryptPasswordHasher(4))
                .remoteSite(new BikeepRemoteSites(bikeep), new BikeepRemoteAllowlists(bikeep), devices, settings)
                .build();
        harbor.ensureAdmin(ADMIN, PASSWORD);
        harbor.start();
        HttpApi http = HttpApi.builder(new LocalApiUseCases(
                        harbor.createTransaction(),
                        harbor.queryTransactions(),
                        harbor.releaseTransaction(),
                        harbor.queryLockers(),
                        harbor.openLocker(),
                        harbor.openAllLockers(),
                        harbor.updateServiceState(),
                        harbor.queryCatalogue(),
                        harbor.querySystem(),
                        harbor.manageSettings(),
                        harbor.externalDevices(),
                        harbor.systemLogs()))
                .admin(new AdminApiUseCases(
                        harbor.adminAuthentication(),
                        harbor.manageControllers(),
                        harbor.discoverControllers(),
                        harbor.rebootGateway(),
                        harbor.listRemoteLocations(),
                        harbor.queryAllowlists(),
                        harbor.changeAllowlistCards()))
                .clock(clock)
                .build();
        int port = http.start("127.0.0.1", 0);
        BikeepGateway gateway = new BikeepGateway(database, harbor, http, devices, port);
        gateway.logIn();
        return gateway;
    }

    int port() {
        return port;
    }

    TimedRemoteDevices devices() {
        return devices;
    }

    /** {@code POST /controllers} with protocol bikeep, as an admin; the answer's status. */
    int addLocation(String name, String locationId) throws IOException, InterruptedException {
        String body = "{\"name\":\"" + name + "\",\"protocol\":\"bikeep\",\"transport\":{\"type\":\"bikeep\","
                + "\"locationId\":\"" + locationId + "\"}}";
        HttpResponse<String> reply = client.send(
                request("/controllers")
                        .header("X-Session-Token", session)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException(
                    "adding location " + locationId + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return reply.statusCode();
    }

    /** {@code GET path} on the Local API, parsed. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> reply = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
    }

    static String createBody(String transactionId) {
        return "{\"transactionId\":\"" + transactionId + "\",\"lockerType\":\"bike-locker\"}";
    }

    private void logIn() throws IOException {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> reply = client.send(
                    request("/auth/login")
                            .header("Authorization", "Basic " + basic)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("admin login answered " + reply.statusCode() + ": " + reply.body());
            }
            session = JSON.readTree(reply.body()).get("token").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while logging in", e);
        }
    }

    /** In HarborServer's order: HTTP, then the gateway's schedulers, then the database. */
    @Override
    public void close() {
        http.stop();
        harbor.close();
        database.close();
    }
}
