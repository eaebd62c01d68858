package dev.harbor.benchmarks.bikeep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.logging.LogLevels;
import dev.harbor.application.remote.RemoteSiteSettings;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.client.DeviceCommand;
import dev.harbor.bikeep.simulator.BikeepSimulator;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bikeep devices driven through a whole gateway and its Local API over HTTP, against the Bikeep
 * cloud simulator on 127.0.0.1 (spec/bikeep.md): (a) what a create and a release cost beyond the
 * simulator's command delays and the command poll, (b) one sync round over 100 locations of 20
 * lockers, (c) 100 creates at once over 100 devices. Prints figures and asserts nothing: not a test.
 * {@code ./mvnw -B -q -Pbench -pl harbor-benchmarks -am verify -DskipTests -Dbench.skipLockBoard=true
 * -Dbench.skipOpenOverHttp=true}.
 *
 * <p>System properties: {@code bench.bikeep.cycles} (200), {@code bench.bikeep.pollMs} (200),
 * {@code bench.bikeep.slowPollCycles} (20 cycles at the default 1000 ms poll; 0 skips them),
 * {@code bench.bikeep.locations} (100), {@code bench.bikeep.concurrent} (100).
 */
public final class BikeepBenchmark {

    private static final int CYCLES = Integer.getInteger("bench.bikeep.cycles", 200);
    private static final int WARMUP = 30;
    private static final Duration POLL = Duration.ofMillis(Integer.getInteger("bench.bikeep.pollMs", 200));
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    private static final int SLOW_POLL_CYCLES = Integer.getInteger("bench.bikeep.slowPollCycles", 20);
    private static final int LOCATIONS = Integer.getInteger("bench.bikeep.locations", 100);
    private static final int DEVICES_PER_LOCATION = 20;
    private static final int CONCURRENT = Integer.getInteger("bench.bikeep.concurrent", 100);
    private static final Duration TO_RECEIVED = Duration.ofMillis(50);
    private static final Duration TO_SUCCESS = Duration.ofMillis(50);
    private static final Pattern ID_SEGMENT = Pattern.compile("/(devices|commands|locations)/[^/]+");

    private final List<String> table = new ArrayList<>();

    private BikeepBenchmark() {}

    public static void main(String[] args) throws Exception {
        // The gateway logs every added controller and device at INFO; the figures are what matters here.
        LogLevels.applyRootLevel("WARN");
        // The simulator is a JDK HttpServer, which leaves Nagle's algorithm on unless told: its answer
        // (headers, then body) then waits for the client's delayed ACK, ~40 ms per request on Linux.
        // Bikeep's own servers are not that; -Dsun.net.httpserver.nodelay=false measures it as shipped.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        System.out.printf(
                "Bikeep benchmark: simulator command delays SENT->RECEIVED %d ms, RECEIVED->SUCCESS %d ms; "
                        + "load average %s%n",
                TO_RECEIVED.toMillis(), TO_SUCCESS.toMillis(), loadAverage());
        BikeepBenchmark bench = new BikeepBenchmark();
        bench.clientAlone();
        bench.commandOverhead(POLL, CYCLES);
        if (SLOW_POLL_CYCLES > 0) {
            bench.commandOverhead(DEFAULT_POLL, SLOW_POLL_CYCLES);
        }
        bench.syncRound();
        bench.concurrentCreates();
        System.out.printf("%nBikeep summary (load average at the end %s)%n", loadAverage());
        System.out.println("| part | what | figure |");
        System.out.println("|---|---|---|");
        bench.table.forEach(System.out::println);
    }

    // ---- what one request to the simulator costs, without Harbor ----

    /**
     * The Bikeep client alone against the simulator, one request at a time: the floor under every
     * figure below, since the gateway makes these same requests (loopback HTTP, the simulator's JDK
     * {@code HttpServer}, JSON both ways).
     */
    private void clientAlone() throws Exception {
        int n = 200;
        try (BikeepSimulator sim = BikeepSimulator.start(
                BikeepSimulator.Settings.defaults().withCommandDelays(Duration.ZERO, Duration.ZERO))) {
            String location = sim.addLocation("BIKE_LOCKERS", "Alone", DEVICES_PER_LOCATION);
            String device = sim.deviceIds(location).get(0);
            BikeepClient client = BikeepClient.builder()
                    .authUrl(sim.baseUri())
                    .apiUrl(sim.baseUri())
                    .credentials(sim.settings().clientId(), sim.settings().clientSecret())
                    .build();
            String command =
                    client.sendCommand(device, DeviceCommand.FORCE_UNLOCK).id();
            Map<String, double[]> took = new java.util.LinkedHashMap<>();
            took.put("GET device list (20 + GUARD)", new double[n]);
            took.put("GET device", new double[n]);
            took.put("GET command", new double[n]);
            took.put("POST command", new double[n]);
            for (int i = -50; i < n; i++) {
                long t0 = System.nanoTime();
                client.devices(location);
                long t1 = System.nanoTime();
                client.device(device);
                long t2 = System.nanoTime();
                client.command(command);
                long t3 = System.nanoTime();
                client.sendCommand(device, DeviceCommand.FORCE_UNLOCK);
                long t4 = System.nanoTime();
                if (i >= 0) {
                    took.get("GET device list (20 + GUARD)")[i] = (t1 - t0) / 1e6;
                    took.get("GET device")[i] = (t2 - t1) / 1e6;
                    took.get("GET command")[i] = (t3 - t2) / 1e6;
                    took.get("POST command")[i] = (t4 - t3) / 1e6;
                }
            }
            System.out.printf(
                    "%n(0) BikeepClient alone against the simulator, %d sequential calls of each (sun.net.httpserver.nodelay=%s):%n",
                    n, System.getProperty("sun.net.httpserver.nodelay", "false"));
            took.forEach((what, ms) -> {
                System.out.printf(
                        "    %-28s p50 %6.2f ms  p99 %6.2f ms%n", what, percentile(ms, 0.5), percentile(ms, 0.99));
                table.add(String.format(
                        "| (0) | BikeepClient alone: %s, p50 / p99 | %.2f / %.2f ms |",
                        what, percentile(ms, 0.5), percentile(ms, 0.99)));
            });
        }
    }

    // ---- (a) ----

    /**
     * One client, create then release, again and again, on a location of 4 devices. The gateway
     * sends {@code book} (create) or {@code cancel-booking} (release), sleeps one poll period, then
     * reads the command: with the simulator's delays shorter than the poll it is SUCCESS at the
     * first read, so the wait the design imposes is exactly one poll period.
     */
    private void commandOverhead(Duration poll, int cycles) throws Exception {
        Duration delays = TO_RECEIVED.plus(TO_SUCCESS);
        long polls = Math.max(1, (delays.toNanos() + poll.toNanos() - 1) / poll.toNanos());
        double mandatedMs = polls * poll.toMillis();
        try (BikeepSimulator sim = BikeepSimulator.start(
                        BikeepSimulator.Settings.defaults().withCommandDelays(TO_RECEIVED, TO_SUCCESS));
                BikeepGateway gateway = BikeepGateway.start(
                        sim,
                        new RemoteSiteSettings(
                                Duration.ofSeconds(30), poll, Duration.ofSeconds(15), Duration.ofDays(1)),
                        Clock.systemUTC())) {
            gateway.addLocation("Bench A", sim.addLocation("BIKE_LOCKERS", "Bench A", 4));
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String run = "a" + poll.toMillis() + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
            int warmup = Math.min(WARMUP, Math.max(3, cycles / 5));
            double[] creates = new double[cycles];
            double[] releases = new double[cycles];
            double[] createsInBikeep = new double[cycles];
            double[] releasesInBikeep = new double[cycles];
            int mark = 0;
            for (int i = -warmup; i < cycles; i++) {
                if (i == 0) {
                    mark = sim.requests().size();
                }
                String id = run + i;
                long t0 = System.nanoTime();
                HttpResponse<String> created = client.send(
                        gateway.request("/transactions")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BikeepGateway.createBody(id)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                expect(created, 201, "create " + id);
                HttpResponse<String> released = client.send(
                        gateway.request("/transactions/" + id).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                long t2 = System.nanoTime();
                expect(released, 204, "release " + id);
                if (i >= 0) {
                    creates[i] = (t1 - t0) / 1e6;
                    releases[i] = (t2 - t1) / 1e6;
                    createsInBikeep[i] = inBikeep(gateway.devices().callsWithin(t0, t1));
                    releasesInBikeep[i] = inBikeep(gateway.devices().callsWithin(t1, t2));
                }
            }
            Map<String, Long> requests =
                    requestShapes(sim.requests().subList(mark, sim.requests().size()));
            System.out.printf(
                    "%n(a) command overhead, poll %d ms, %d cycles after %d warm-up: simulator delays %d ms, "
                            + "so ceil(%d / %d) = %d poll(s): the earliest answer is %.0f ms after the command's POST%n",
                    poll.toMillis(),
                    cycles,
                    warmup,
                    delays.toMillis(),
                    delays.toMillis(),
                    poll.toMillis(),
                    polls,
                    mandatedMs);
            System.out.printf("    Bikeep requests per cycle: %s%n", perCycle(requests, cycles));
            for (String what : List.of("create", "release")) {
                double[] raw = what.equals("create") ? creates : releases;
                double[] bikeep = what.equals("create") ? createsInBikeep : releasesInBikeep;
                double[] own = new double[cycles];
                for (int i = 0; i < cycles; i++) {
                    own[i] = raw[i] - mandatedMs - bikeep[i];
                }
                double p50 = percentile(raw, 0.50);
                double p99 = percentile(raw, 0.99);
                System.out.printf(
                        "    %-7s raw p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  overhead (raw - %.0f ms) p50 %6.2f ms"
                                + "  p99 %6.2f ms; of it in Bikeep calls p50 %5.2f ms, the rest (Harbor) p50 %5.2f ms"
                                + "  p99 %5.2f ms%n",
                        what,
                        p50,
                        p99,
                        percentile(raw, 1.0),
                        mandatedMs,
                        p50 - mandatedMs,
                        p99 - mandatedMs,
                        percentile(bikeep, 0.5),
                        percentile(own, 0.5),
                        percentile(own, 0.99));
                table.add(String.format(
                        "| (a) poll %d ms | %s, n=%d: raw p50 / p99; overhead = raw - %.0f ms, p50 / p99 (target <= 20 ms p50)"
                                + " | %.2f / %.2f ms; **%.2f** / %.2f ms |",
                        poll.toMillis(), what, cycles, mandatedMs, p50, p99, p50 - mandatedMs, p99 - mandatedMs));
                table.add(String.format(
                        "| (a) poll %d ms | %s: time in Bikeep calls p50; the rest (raw - %.0f ms - Bikeep calls) p50 / p99"
                                + " | %.2f ms; %.2f / %.2f ms |",
                        poll.toMillis(),
                        what,
                        mandatedMs,
                        percentile(bikeep, 0.5),
                        percentile(own, 0.5),
                        percentile(own, 0.99)));
            }
        }
    }

    // ---- (b) ----

    /**
     * 100 locations of 20 lockers and a GUARD, added as controllers over the Admin API; then the
     * clock is moved past their sync interval so the next round (the gateway runs one a second)
     * reads them all, and the round's device-list calls are timed at the port.
     */
    private void syncRound() throws Exception {
        Duration interval = Duration.ofMinutes(10);
        try (BikeepSimulator sim =
                BikeepSimulator.start(BikeepSimulator.Settings.defaults().withCommandDelays(TO_RECEIVED, TO_SUCCESS))) {
            long heapEmpty = heapAfterGc();
            List<String> locations = new ArrayList<>();
            for (int i = 1; i <= LOCATIONS; i++) {
                locations.add(sim.addLocation("BIKE_LOCKERS", "Site " + i, DEVICES_PER_LOCATION));
            }
            long heapSimulated = heapAfterGc();
            ShiftableClock clock = new ShiftableClock();
            try (BikeepGateway gateway = BikeepGateway.start(
                    sim,
                    new RemoteSiteSettings(interval, DEFAULT_POLL, Duration.ofSeconds(15), Duration.ofDays(1)),
                    clock)) {
                long heapGateway = heapAfterGc();
                long addStart = System.nanoTime();
                for (int i = 0; i < locations.size(); i++) {
                    gateway.addLocation("Site " + (i + 1), locations.get(i));
                }
                double addSeconds = (System.nanoTime() - addStart) / 1e9;
                long heapAdded = heapAfterGc();
                JsonNode lockers = gateway.get("/lockers");

                gateway.devices().forget();
                int mark = sim.requests().size();
                clock.shift(interval.plusSeconds(1));
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (gateway.devices().calls("list").size() < LOCATIONS && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                // Two more of the gateway's one-second ticks: a second read of a location would show here.
                Thread.sleep(2_500);
                List<BikeepSimulator.Request> during =
                        sim.requests().subList(mark, sim.requests().size());
                Map<String, Long> shapes = requestShapes(during);
                long listRequests = shapes.getOrDefault("GET /device/v1/locations/{id}/devices", 0L);
                Set<String> listedLocations = during.stream()
                        .filter(r -> r.path().endsWith("/devices") && r.path().contains("/locations/"))
                        .map(BikeepSimulator.Request::path)
                        .collect(Collectors.toSet());
                List<TimedRemoteDevices.Call> calls =
                        new ArrayList<>(gateway.devices().calls("list"));
                calls.sort((x, y) -> Long.compare(x.startNanos(), y.startNanos()));
                long heapSynced = heapAfterGc();

                System.out.printf(
                        "%n(b) sync of %d locations x %d lockers + 1 GUARD: %d lockers in GET /lockers; adding them took"
                                + " %.1f s (%.0f ms per POST /controllers)%n",
                        LOCATIONS, DEVICES_PER_LOCATION, lockers.size(), addSeconds, addSeconds * 1000 / LOCATIONS);
                System.out.printf(
                        "    Bikeep requests in the round: %d (%s), %d distinct locations listed%n",
                        during.size(), shapes, listedLocations.size());
                if (calls.isEmpty()) {
                    System.out.println("    NO sync round was seen within 120 s");
                    table.add("| (b) | sync round | none seen within 120 s |");
                    return;
                }
                long span =
                        calls.get(calls.size() - 1).endNanos() - calls.get(0).startNanos();
                long inBikeep = calls.stream()
                        .mapToLong(c -> c.endNanos() - c.startNanos())
                        .sum();
                double[] callMs = calls.stream()
                        .mapToDouble(c -> (c.endNanos() - c.startNanos()) / 1e6)
                        .toArray();
                double applyMs = calls.size() > 1 ? (span - inBikeep) / 1e6 / (calls.size() - 1) : 0;
                double roundMs = span / 1e6 + applyMs;
                Set<String> threads =
                        calls.stream().map(TimedRemoteDevices.Call::thread).collect(Collectors.toSet());
                System.out.printf(
                        "    round on thread(s) %s: first request to last answer %.1f ms, of which %.1f ms waiting for"
                                + " Bikeep (a list call p50 %.2f ms, p99 %.2f ms) and %.1f ms in Harbor between calls (%.2f ms"
                                + " per location); round incl. the last location's apply ~ %.1f ms%n",
                        threads,
                        span / 1e6,
                        inBikeep / 1e6,
                        percentile(callMs, 0.5),
                        percentile(callMs, 0.99),
                        (span - inBikeep) / 1e6,
                        applyMs,
                        roundMs);
                System.out.printf(
                        "    heap used after GC (this JVM: Maven, simulator and gateway): empty simulator %.1f MB, with %d"
                                + " locations %.1f MB, gateway started %.1f MB, locations added %.1f MB, after the round %.1f MB;"
                                + " gateway's share (after the round - gateway started) %.1f MB%n",
                        mb(heapEmpty),
                        LOCATIONS,
                        mb(heapSimulated),
                        mb(heapGateway),
                        mb(heapAdded),
                        mb(heapSynced),
                        mb(heapSynced - heapGateway));
                table.add(String.format(
                        "| (b) | Bikeep requests in one sync round (target 1 per location = %d) | **%d** (%d device lists,"
                                + " %d distinct locations) |",
                        LOCATIONS, during.size(), listRequests, listedLocations.size()));
                table.add(String.format(
                        "| (b) | round wall time (first request to last answer, + one mean apply) | **%.0f ms** (%.0f ms"
                                + " in Bikeep calls, %.2f ms per location in Harbor) |",
                        roundMs, inBikeep / 1e6, applyMs));
                table.add(String.format(
                        "| (b) | heap used after GC: after the round / gateway's share (after the round - started)"
                                + " | %.1f MB / **%.1f MB** |",
                        mb(heapSynced), mb(heapSynced - heapGateway)));
            }
        }
    }

    // ---- (c) ----

    /**
     * 100 clients, each with its own HTTP client and connection (opened beforehand), create at the
     * same moment on a gateway with exactly 100 Bikeep lockers, so every device must be used once.
     */
    private void concurrentCreates() throws Exception {
        int perLocation = DEVICES_PER_LOCATION;
        int locationCount = (CONCURRENT + perLocation - 1) / perLocation;
        try (BikeepSimulator sim = BikeepSimulator.start(
                        BikeepSimulator.Settings.defaults().withCommandDelays(TO_RECEIVED, TO_SUCCESS));
                BikeepGateway gateway = BikeepGateway.start(
                        sim,
                        new RemoteSiteSettings(
                                Duration.ofSeconds(30), POLL, Duration.ofSeconds(15), Duration.ofDays(1)),
                        Clock.systemUTC())) {
            List<String> devices = new ArrayList<>();
            for (int l = 0; l < locationCount; l++) {
                int count = Math.min(perLocation, CONCURRENT - l * perLocation);
                String location = sim.addLocation("BIKE_LOCKERS", "Burst " + l, count);
                gateway.addLocation("Burst " + l, location);
                devices.addAll(sim.deviceIds(location));
            }
            HttpClient single =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String run = "c-" + Long.toString(System.currentTimeMillis(), 36) + "-";
            double[] alone = new double[20];
            for (int i = -10; i < alone.length; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> created = single.send(
                        gateway.request("/transactions")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BikeepGateway.createBody(run + "alone-" + i)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - t0;
                expect(created, 201, "create alone");
                expect(
                        single.send(
                                gateway.request("/transactions/" + run + "alone-" + i)
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()),
                        204,
                        "release alone");
                if (i >= 0) {
                    alone[i] = took / 1e6;
                }
            }
            double aloneP50 = percentile(alone, 0.5);

            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                // The connection is opened now, so the burst measures the creates and not 100 handshakes.
                client.send(gateway.request("/health").GET().build(), HttpResponse.BodyHandlers.discarding());
                clients.add(client);
            }
            int mark = sim.requests().size();
            CountDownLatch go = new CountDownLatch(1);
            int[] status = new int[CONCURRENT];
            long[] lockerIds = new long[CONCURRENT];
            long[] ends = new long[CONCURRENT];
            String[] failures = new String[CONCURRENT];
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                int n = i;
                threads.add(new Thread(
                        () -> {
                            try {
                                go.await();
                                HttpResponse<String> reply = clients.get(n)
                                        .send(
                                                gateway.request("/transactions")
                                                        .header("Content-Type", "application/json")
                                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                                BikeepGateway.createBody(run + n)))
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString());
                                ends[n] = System.nanoTime();
                                status[n] = reply.statusCode();
                                if (reply.statusCode() == 201) {
                                    lockerIds[n] = BikeepGateway.JSON
                                            .readTree(reply.body())
                                            .get("lockerId")
                                            .asLong();
                                } else {
                                    failures[n] = reply.body();
                                }
                            } catch (Exception e) {
                                ends[n] = System.nanoTime();
                                failures[n] = e.toString();
                            }
                        },
                        "burst-" + i));
            }
            threads.forEach(Thread::start);
            Thread.sleep(200);
            long start = System.nanoTime();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            double wallMs = (Arrays.stream(ends).max().orElse(start) - start) / 1e6;
            double[] latencies =
                    Arrays.stream(ends).mapToDouble(e -> (e - start) / 1e6).toArray();

            long created = Arrays.stream(status).filter(s -> s == 201).count();
            Set<Long> distinctLockers = new HashSet<>();
            for (int i = 0; i < CONCURRENT; i++) {
                if (status[i] == 201) {
                    distinctLockers.add(lockerIds[i]);
                }
            }
            Set<String> heldDevices = new HashSet<>();
            int held = 0;
            for (JsonNode locker : gateway.get("/lockers")) {
                String holder = locker.path("transactionId").asText(null);
                if (holder != null && holder.startsWith(run) && !holder.contains("alone")) {
                    held++;
                    heldDevices.add(locker.path("external").path("deviceId").asText());
                }
            }
            long booked = devices.stream()
                    .filter(d -> sim.deviceState(d).equals("BOOKED"))
                    .count();
            Map<String, Long> shapes =
                    requestShapes(sim.requests().subList(mark, sim.requests().size()));
            Map<String, Long> statuses = Arrays.stream(status)
                    .boxed()
                    .collect(Collectors.groupingBy(
                            s -> s == 0 ? "io error" : String.valueOf(s), TreeMap::new, Collectors.counting()));
            System.out.printf(
                    "%n(c) %d concurrent creates (lockerType bike-locker) over %d Bikeep lockers, poll %d ms:%n",
                    CONCURRENT, devices.size(), POLL.toMillis());
            System.out.printf(
                    "    answers %s; 201 lockerIds distinct: %d of %d; GET /lockers: %d lockers held by the burst on %d"
                            + " distinct devices; simulator: %d of %d devices BOOKED%n",
                    statuses, distinctLockers.size(), created, held, heldDevices.size(), booked, devices.size());
            for (int i = 0; i < CONCURRENT; i++) {
                if (failures[i] != null) {
                    System.out.printf("    e.g. request %d: %s%n", i, abbreviate(failures[i]));
                    break;
                }
            }
            System.out.printf(
                    "    wall time %.1f ms; one create alone p50 %.1f ms (n=%d); wall / alone = %.2f; burst latency p50 %.1f"
                            + " ms, p99 %.1f ms; Bikeep requests during the burst: %s%n",
                    wallMs,
                    aloneP50,
                    alone.length,
                    wallMs / aloneP50,
                    percentile(latencies, 0.5),
                    percentile(latencies, 0.99),
                    shapes);
            table.add(String.format(
                    "| (c) | %d concurrent creates: 201s; distinct lockers (responses / GET /lockers devices / simulator"
                            + " BOOKED) | **%d** of %d; %d / %d / %d |",
                    CONCURRENT, created, CONCURRENT, distinctLockers.size(), heldDevices.size(), booked));
            table.add(String.format(
                    "| (c) | wall time; one create alone (p50 of %d); wall / alone | %.0f ms; %.0f ms; **%.2f** |",
                    alone.length, wallMs, aloneP50, wallMs / aloneP50));
            table.add(String.format(
                    "| (c) | latency of the %d creates p50 / p99 | %.0f / %.0f ms |",
                    CONCURRENT, percentile(latencies, 0.5), percentile(latencies, 0.99)));
        }
    }

    // ---- helpers ----

    /** Time in the port's calls made for the request (not the background sync's, on its own thread). */
    private static double inBikeep(List<TimedRemoteDevices.Call> calls) {
        return calls.stream()
                        .filter(c -> !c.thread().equals("harbor-bikeep"))
                        .mapToLong(c -> c.endNanos() - c.startNanos())
                        .sum()
                / 1e6;
    }

    private static void expect(HttpResponse<String> reply, int status, String what) {
        if (reply.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + reply.statusCode() + ": " + reply.body());
        }
    }

    /** "METHOD /path/{id}/…" → count, ids masked. */
    private static Map<String, Long> requestShapes(List<BikeepSimulator.Request> requests) {
        return requests.stream()
                .collect(Collectors.groupingBy(
                        r -> r.method() + " " + ID_SEGMENT.matcher(r.path()).replaceAll("/$1/{id}"),
                        TreeMap::new,
                        Collectors.counting()));
    }

    private static String perCycle(Map<String, Long> shapes, int cycles) {
        return shapes.entrySet().stream()
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) cycles))
                .collect(Collectors.joining(", "));
    }

    /** Nearest rank: the smallest value with at least {@code q} of the sample at or below it. */
    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
