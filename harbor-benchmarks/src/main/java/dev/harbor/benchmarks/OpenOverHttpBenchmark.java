package dev.harbor.benchmarks;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.application.Actor;
import dev.harbor.application.locker.OpenResult;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.locker.Locker;
import dev.harbor.domain.locker.LockerId;
import dev.harbor.hardware.simulator.SerialBoardSimulator;
import dev.harbor.hardware.simulator.SimulatedBoard;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.SimulatorSettings;
import dev.harbor.hardware.simulator.SocatPtyPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Latency of one door open through the whole gateway: the open use case (door-open policy,
 * stores, bus queue, jSerialComm) and the same through HTTP ({@code POST /lockers/{id}/open}),
 * against the wire time of the frames on a socat pty at 9600 baud with the simulator's pacing on.
 * Not a test: {@code ./mvnw -B -q -Pbench -pl harbor-benchmarks -am verify -DskipTests}.
 */
public final class OpenOverHttpBenchmark {

    private static final int BAUD = 9600;
    private static final double MS_PER_BYTE = 10_000.0 / BAUD;
    private static final Duration REPLY_DELAY = Duration.ofMillis(2);
    private static final int OPENS = Integer.getInteger("bench.opens", 300);
    /** xor8a: one 5-byte request, one 5-byte reply. */
    private static final double WIRE_MS = 10 * MS_PER_BYTE;

    private OpenOverHttpBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("harbor-open-bench");
        SimulatedBus bus = new SimulatedBus(
                "bench",
                SimulatorSettings.DEFAULTS
                        .withPacingBaud(BAUD)
                        .withReplyDelay(REPLY_DELAY)
                        .withDoorClosesAfter(null));
        SimulatedBoard board = bus.addBoard(Protocol.XOR8A, 1, 16, ProtocolOptions.DEFAULTS);
        try (SocatPtyPair pair = SocatPtyPair.start(dir.resolve("gateway"), dir.resolve("board"));
                SerialBoardSimulator simulator =
                        SerialBoardSimulator.open(bus, pair.boardSide().toString(), BAUD)) {
            Path layout = dir.resolve("layout.json");
            Files.writeString(layout, """
                    { "lockerTypes": [ { "slug": "parcel", "name": "Parcel" } ],
                      "bankTypes": [ { "name": "Sixteen", "lockers": [ %s ] } ],
                      "controllers": [ { "name": "Bench", "protocol": "xor8a", "boardAddress": 1, "bankType": "Sixteen",
                        "transport": { "type": "serial", "port": "%s", "baudRate": %d } } ] }
                    """.formatted(
                            String.join(",", Collections.nCopies(16, "\"parcel\"")), pair.gatewaySide(), BAUD));
            // Background polls would queue beside the opens; the figure is for an open alone.
            try (HarborServer server = HarborServer.start(ConfigLoader.load(Map.of(
                    "HARBOR_DATA_DIR",
                    dir.resolve("data").toString(),
                    "HARBOR_LAYOUT_FILE",
                    layout.toString(),
                    "HARBOR_HTTP_HOST",
                    "127.0.0.1",
                    "HARBOR_HTTP_PORT",
                    "0",
                    "HARBOR_POLL_INTERVAL_MS",
                    "3600000")))) {
                List<LockerId> lockers =
                        server.harbor().queryLockers().list(dev.harbor.application.locker.LockerFilter.NONE).stream()
                                .map(v -> v.locker().id())
                                .toList();
                System.out.printf(
                        "open benchmark: %d opens, xor8a at %d baud with pacing, simulator reply delay %d ms, "
                                + "wire time %.2f ms per open%n",
                        OPENS, BAUD, REPLY_DELAY.toMillis(), WIRE_MS);

                double[] useCase = new double[OPENS];
                for (int i = -50; i < OPENS; i++) {
                    LockerId id = lockers.get(Math.floorMod(i, lockers.size()));
                    closeAndSettle(board, id, server);
                    long start = System.nanoTime();
                    OpenResult result = server.harbor().openLocker().openLocker(id, Actor.SYSTEM);
                    long took = System.nanoTime() - start;
                    if (!(result instanceof OpenResult.Opened)) {
                        throw new IllegalStateException("open failed: " + result);
                    }
                    if (i >= 0) {
                        useCase[i] = took / 1e6;
                    }
                }
                report("open use case", useCase);

                HttpClient client = HttpClient.newHttpClient();
                double[] overHttp = new double[OPENS];
                for (int i = -50; i < OPENS; i++) {
                    LockerId id = lockers.get(Math.floorMod(i, lockers.size()));
                    closeAndSettle(board, id, server);
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + server.port() + "/lockers/" + id + "/open"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("open over HTTP failed: " + response.body());
                    }
                    if (i >= 0) {
                        overHttp[i] = took / 1e6;
                    }
                }
                report("open over HTTP", overHttp);
            }
        }
    }

    private static void closeAndSettle(SimulatedBoard board, LockerId id, HarborServer server)
            throws InterruptedException {
        Locker locker = server.harbor().queryLockers().find(id).orElseThrow().locker();
        board.closeDoor(locker.bankLockerNumber());
        Thread.sleep(10);
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double p50 = sorted[(int) Math.ceil(0.50 * sorted.length) - 1];
        double p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
        double mandated = WIRE_MS + REPLY_DELAY.toMillis();
        System.out.printf(
                "%-15s n=%d  p50 %7.2f ms  p99 %7.2f ms  wire %5.2f ms  ratio p50/wire %4.2f  "
                        + "software overhead (total - wire - reply delay) p50 %5.2f ms  p99 %5.2f ms%n",
                what, millis.length, p50, p99, WIRE_MS, p50 / WIRE_MS, p50 - mandated, p99 - mandated);
    }
}
