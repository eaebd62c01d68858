package dev.harbor.app.discovery;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.hardware.mdns.LockControllerAnnouncer;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.SimulatorSettings;
import dev.harbor.hardware.simulator.TcpBoardSimulator;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

/**
 * Runs INSIDE the private network namespace of {@link GatewayDiscoveryTest}: a TCP board
 * simulator announcing itself by mDNS, a whole gateway with mDNS bound to 127.0.0.1, and an admin
 * who scans and adds what was found. Prints one line per finding.
 */
public final class GatewayDiscoveryProbe {

    private GatewayDiscoveryProbe() {}

    public static void main(String[] args) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        SimulatedBus bus = new SimulatedBus("network", SimulatorSettings.DEFAULTS);
        bus.addBoard(Protocol.XOR8A, 3, 8, ProtocolOptions.DEFAULTS);
        try (TcpBoardSimulator simulator = TcpBoardSimulator.start(bus, loopback, 0);
                LockControllerAnnouncer announcer = LockControllerAnnouncer.start(
                        loopback,
                        new LockControllerAnnouncer.Board("Bike shed", simulator.port(), Protocol.XOR8A, 3, 8));
                HarborServer server = HarborServer.start(ConfigLoader.load(Map.of(
                        "HARBOR_DATA_DIR",
                        Files.createTempDirectory("harbor-mdns").toString(),
                        "HARBOR_HTTP_HOST",
                        "127.0.0.1",
                        "HARBOR_HTTP_PORT",
                        "0",
                        "HARBOR_MDNS_ADDRESS",
                        "127.0.0.1",
                        "HARBOR_ADMIN_USERNAME",
                        "admin",
                        "HARBOR_ADMIN_PASSWORD",
                        "probe-password-1234")))) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String basic = "Basic "
                    + Base64.getEncoder().encodeToString("admin:probe-password-1234".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> scan = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/controllers/scan?timeoutMs=" + args[0] + "&add=true"))
                            .header("Authorization", basic)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("SCAN " + scan.statusCode() + " " + scan.body());
            HttpResponse<String> lockers = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/lockers")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("LOCKERS " + lockers.body());
            System.out.println("SIMULATOR_PORT " + simulator.port());
        }
        System.out.println("DONE");
        System.exit(0);
    }
}
