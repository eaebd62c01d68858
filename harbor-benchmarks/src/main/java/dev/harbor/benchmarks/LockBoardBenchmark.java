package dev.harbor.benchmarks;

import dev.harbor.application.locker.DoorOpenOutcome;
import dev.harbor.application.locker.DoorOpenPolicy;
import dev.harbor.application.locker.DoorOpenSettings;
import dev.harbor.application.port.BoardObserver;
import dev.harbor.application.port.BoardStatus;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.BusLockBoard;
import dev.harbor.hardware.config.BusLockBoardSettings;
import dev.harbor.hardware.link.BusLinkFactory;
import dev.harbor.hardware.simulator.SerialBoardSimulator;
import dev.harbor.hardware.simulator.SimulatedBoard;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.SimulatorSettings;
import dev.harbor.hardware.simulator.SocatPtyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Latency of one open through {@link BusLockBoard} over a socat pty at 9600 baud with the
 * simulator's wire-time pacing on, against the floor the protocol sets for the same frames (wire
 * time, the simulated board's reply delay, the quiet gaps between requests); an open-all of 48
 * lockers on one bus (sequential, as the application does within one bus) against its floor; and
 * one open's software overhead with 1, 4 and 16 boards on the bus, each polled as the gateway
 * polls. Not a test: run it with {@code ./mvnw -B -q -Pbench -pl harbor-benchmarks -am verify
 * -DskipTests}.
 */
public final class LockBoardBenchmark {

    private static final int BAUD = 9600;
    private static final double MS_PER_BYTE = 10_000.0 / BAUD;
    private static final Duration REPLY_DELAY = Duration.ofMillis(2);
    private static final int OPENS = Integer.getInteger("bench.opens", 300);
    private static final int OPEN_ALL_ROUNDS = Integer.getInteger("bench.openAllRounds", 10);
    private static final int BUS_OPENS = Integer.getInteger("bench.busOpens", 150);
    private static final int[] BOARDS_PER_BUS = {1, 4, 16};
    /** Longer than one poll with its gaps takes, so no report for this long means no poll on the line. */
    private static final long BUS_IDLE_NANOS = 80_000_000;

    private static final double OPEN_ALL_TARGET = 1.05;
    private static final ControllerId CONTROLLER = ControllerId.of(1);

    private LockBoardBenchmark() {}

    /** Bytes on the wire for one open: requests and replies of each exchange, and how many exchanges. */
    private record WireCost(int bytes, int exchanges) {
        double wireMs() {
            return bytes * MS_PER_BYTE;
        }

        double replyDelaysMs() {
            return exchanges * REPLY_DELAY.toNanos() / 1e6;
        }

        /** What {@code opens} opens in a row need at the least: every byte, every reply delay, every gap between requests. */
        double floorMs(int opens, double gapMs) {
            return opens * (wireMs() + replyDelaysMs()) + (opens * exchanges - 1) * gapMs;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(
                "lock-board benchmark: %d opens, %d open-all rounds, %d opens per bus size, %d baud pacing, "
                        + "simulator reply delay %d ms%n"
                        + "floor = the protocol's own time: wire time of every byte, the simulated board's reply delay"
                        + " per exchange, the quiet gap between requests; overhead = measured - floor%n",
                OPENS, OPEN_ALL_ROUNDS, BUS_OPENS, BAUD, REPLY_DELAY.toMillis());
        WireCost xor8a = new WireCost(5 + 5, 1);
        WireCost cu48 = new WireCost(6 + 6 + 6 + 18, 2);
        run(Protocol.XOR8A, 1, xor8a);
        run(Protocol.KERONG_CU48, 0, cu48);
        boardsPerBus(Protocol.XOR8A, 1, xor8a);
        boardsPerBus(Protocol.KERONG_CU48, 0, cu48);
    }

    private static void run(Protocol protocol, int address, WireCost cost) throws Exception {
        Path dir = Files.createTempDirectory("harbor-bench");
        SimulatedBus bus = new SimulatedBus(
                "bench",
                SimulatorSettings.DEFAULTS
                        .withPacingBaud(BAUD)
                        .withReplyDelay(REPLY_DELAY)
                        .withDoorClosesAfter(null));
        SimulatedBoard board = bus.addBoard(protocol, address, 48, ProtocolOptions.DEFAULTS);
        BusLockBoardSettings settings = BusLockBoardSettings.DEFAULTS.withPollInterval(Duration.ofHours(1));
        try (SocatPtyPair pair = SocatPtyPair.start(dir.resolve("gateway"), dir.resolve("board"));
                SerialBoardSimulator simulator =
                        SerialBoardSimulator.open(bus, pair.boardSide().toString(), BAUD);
                BusLockBoard lockBoard = new BusLockBoard(
                        new IgnoringObserver(), Clock.systemUTC(), settings, BusLinkFactory.serialAndTcp())) {
            lockBoard.attach(
                    CONTROLLER,
                    new BoardEndpoint(
                            protocol,
                            new Transport.Serial(pair.gatewaySide().toString(), BAUD),
                            address,
                            ProtocolOptions.DEFAULTS),
                    48);
            for (int i = 0; i < 50; i++) {
                lockBoard.open(CONTROLLER, 1 + i % 48, Duration.ofSeconds(2));
            }

            double[] single = new double[OPENS];
            for (int i = 0; i < OPENS; i++) {
                // Past the quiet gap, so a single open measures the open alone.
                Thread.sleep(10);
                int lock = 1 + i % 48;
                board.closeDoor(lock);
                long start = System.nanoTime();
                lockBoard.open(CONTROLLER, lock, Duration.ofSeconds(2));
                single[i] = (System.nanoTime() - start) / 1e6;
            }
            double gapMs = settings.quietGap().toNanos() / 1e6;
            double floor = cost.floorMs(1, gapMs);
            report(protocol, "one open", single, cost.wireMs(), floor);

            DoorOpenPolicy policy = new DoorOpenPolicy(() -> DoorOpenSettings.DEFAULTS);
            double[] throughPolicy = new double[OPENS];
            for (int i = 0; i < OPENS; i++) {
                Thread.sleep(10);
                int lock = 1 + i % 48;
                board.closeDoor(lock);
                long start = System.nanoTime();
                DoorOpenOutcome outcome = policy.open(lockBoard, CONTROLLER, lock);
                throughPolicy[i] = (System.nanoTime() - start) / 1e6;
                if (!(outcome instanceof DoorOpenOutcome.Opened)) {
                    throw new IllegalStateException("benchmark open failed: " + outcome);
                }
            }
            report(protocol, "policy open", throughPolicy, cost.wireMs(), floor);

            double[] all = new double[OPEN_ALL_ROUNDS];
            for (int round = 0; round < OPEN_ALL_ROUNDS; round++) {
                for (int lock = 1; lock <= 48; lock++) {
                    board.closeDoor(lock);
                }
                Thread.sleep(10);
                long start = System.nanoTime();
                for (int lock = 1; lock <= 48; lock++) {
                    lockBoard.open(CONTROLLER, lock, Duration.ofSeconds(2));
                }
                all[round] = (System.nanoTime() - start) / 1e6;
            }
            double allFloor = cost.floorMs(48, gapMs);
            report(protocol, "open-all 48", all, 48 * cost.wireMs(), allFloor);
            double[] sorted = all.clone();
            Arrays.sort(sorted);
            double ratio = percentile(sorted, 50) / allFloor;
            System.out.printf(
                    "%-12s open-all 48: floor 48 x (wire %.2f + reply delays %.2f ms) + %d gaps x %.2f ms = %.2f ms;"
                            + " p50 %.2f ms = %.3f x floor (target <= %.2f: %s); overhead per open p50 %.3f ms%n",
                    protocol.id(),
                    cost.wireMs(),
                    cost.replyDelaysMs(),
                    48 * cost.exchanges() - 1,
                    gapMs,
                    allFloor,
                    percentile(sorted, 50),
                    ratio,
                    OPEN_ALL_TARGET,
                    ratio <= OPEN_ALL_TARGET ? "met" : "missed",
                    (percentile(sorted, 50) - allFloor) / 48);
        }
    }

    private static void report(Protocol protocol, String what, double[] millis, double wireMs, double floorMs) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 50);
        double p99 = percentile(sorted, 99);
        System.out.printf(
                "%-12s %-12s n=%-4d p50 %8.2f ms  p99 %8.2f ms  wire %8.2f ms  floor %8.2f ms  ratio p50/floor %5.3f  "
                        + "overhead (total - floor) p50 %6.2f ms  p99 %6.2f ms%n",
                protocol.id(),
                what,
                millis.length,
                p50,
                p99,
                wireMs,
                floorMs,
                p50 / floorMs,
                p50 - floorMs,
                p99 - floorMs);
    }

    /**
     * One open of a lock of the first board while {@code boards} boards share its bus and the gateway
     * polls each of them at its default interval. An open that finds a poll on the line waits for
     * it and its quiet gap: that is bus time, not software, so such opens are told apart by the poll
     * reports around them and the software overhead is taken from the others.
     */
    private static void boardsPerBus(Protocol protocol, int firstAddress, WireCost cost) throws Exception {
        BusLockBoardSettings settings = BusLockBoardSettings.DEFAULTS;
        double gapMs = settings.quietGap().toNanos() / 1e6;
        double floor = cost.floorMs(1, gapMs);
        System.out.printf(
                "%n%s: one open against the boards on its bus, each board polled every %d ms as the gateway does;"
                        + " floor %.2f ms; overhead = open - floor. 'any time' = opens at arbitrary moments (they"
                        + " also wait for polls on the line); 'clean' = opens made when no poll had ended for"
                        + " a while and none ended within %.0f ms before or during them: the software overhead%n",
                protocol.id(), settings.pollInterval().toMillis(), floor, gapMs + 1);
        System.out.println(
                "| boards | opens at any time | clean opens in the quiet after the polls | overhead p50 (clean)"
                        + " | overhead p90 (clean) | overhead p50 (any time) | overhead p90 (any time) | polls | failed polls |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int boards : BOARDS_PER_BUS) {
            Path dir = Files.createTempDirectory("harbor-bench-bus");
            SimulatedBus bus = new SimulatedBus(
                    "bench-bus",
                    SimulatorSettings.DEFAULTS
                            .withPacingBaud(BAUD)
                            .withReplyDelay(REPLY_DELAY)
                            .withDoorClosesAfter(null));
            SimulatedBoard first = null;
            for (int i = 0; i < boards; i++) {
                SimulatedBoard board = bus.addBoard(protocol, firstAddress + i, 48, ProtocolOptions.DEFAULTS);
                first = first == null ? board : first;
            }
            PollReports polls = new PollReports();
            List<long[]> anyTime = new ArrayList<>();
            List<long[]> whenQuiet = new ArrayList<>();
            try (SocatPtyPair pair = SocatPtyPair.start(dir.resolve("gateway"), dir.resolve("board"));
                    SerialBoardSimulator simulator =
                            SerialBoardSimulator.open(bus, pair.boardSide().toString(), BAUD);
                    BusLockBoard lockBoard =
                            new BusLockBoard(polls, Clock.systemUTC(), settings, BusLinkFactory.serialAndTcp())) {
                for (int i = 0; i < boards; i++) {
                    lockBoard.attach(
                            ControllerId.of(1 + i),
                            new BoardEndpoint(
                                    protocol,
                                    new Transport.Serial(pair.gatewaySide().toString(), BAUD),
                                    firstAddress + i,
                                    ProtocolOptions.DEFAULTS),
                            48);
                }
                for (int i = 0; i < 50; i++) {
                    lockBoard.open(CONTROLLER, 1 + i % 48, Duration.ofSeconds(2));
                }
                for (int i = 0; i < BUS_OPENS; i++) {
                    // A spacing that does not divide the poll interval, so opens fall on every phase of it.
                    Thread.sleep(10 + i % 7);
                    anyTime.add(timedOpen(lockBoard, first, 1 + i % 48));
                }
                for (int i = 0; i < BUS_OPENS; i++) {
                    // The polls of all boards come in a burst each interval: open in the quiet after it
                    // (as a person at a door usually does), so the software overhead is not lost in bus waits.
                    Thread.sleep(10);
                    long giveUpAt = System.nanoTime() + settings.pollInterval().toNanos() * 3 / 2;
                    while (System.nanoTime() - polls.lastReportAt() < BUS_IDLE_NANOS
                            && System.nanoTime() - giveUpAt < 0) {
                        Thread.sleep(2);
                    }
                    whenQuiet.add(timedOpen(lockBoard, first, 1 + i % 48));
                }
                // Reports of polls that ended during the last opens may still be on their way.
                Thread.sleep(50);
            }
            long before = (long) ((gapMs + 1) * 1e6);
            List<Double> clean = new ArrayList<>();
            for (long[] open : whenQuiet) {
                if (!polls.endedBetween(open[0] - before, open[1])) {
                    clean.add((open[1] - open[0]) / 1e6 - floor);
                }
            }
            double[] all = anyTime.stream()
                    .mapToDouble(open -> (open[1] - open[0]) / 1e6 - floor)
                    .sorted()
                    .toArray();
            double[] cleanSorted =
                    clean.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    "| %d | %d | %d of %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %d | %d |%n",
                    boards,
                    all.length,
                    cleanSorted.length,
                    whenQuiet.size(),
                    cleanSorted.length == 0 ? Double.NaN : percentile(cleanSorted, 50),
                    cleanSorted.length == 0 ? Double.NaN : percentile(cleanSorted, 90),
                    percentile(all, 50),
                    percentile(all, 90),
                    polls.count(),
                    polls.failed());
        }
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long[] timedOpen(BusLockBoard lockBoard, SimulatedBoard board, int lock) throws Exception {
        board.closeDoor(lock);
        long start = System.nanoTime();
        lockBoard.open(CONTROLLER, lock, Duration.ofSeconds(2));
        return new long[] {start, System.nanoTime()};
    }

    /** When each background poll's report came (a poll ends just before its report). */
    private static final class PollReports implements BoardObserver {
        private final ConcurrentLinkedQueue<Long> reportedAt = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private volatile long lastReportAt = System.nanoTime();

        @Override
        public void statusRead(ControllerId controller, BoardStatus status, Instant at) {
            lastReportAt = System.nanoTime();
            reportedAt.add(lastReportAt);
        }

        @Override
        public void statusFailed(ControllerId controller, String reason, Instant at) {
            lastReportAt = System.nanoTime();
            reportedAt.add(lastReportAt);
            failures.add(reason);
        }

        long lastReportAt() {
            return lastReportAt;
        }

        /** Whether a poll was reported in {@code [from, to]}, or soon after {@code to} (its report was on its way). */
        boolean endedBetween(long from, long to) {
            long reportSlack = 20_000_000;
            return reportedAt.stream().anyMatch(at -> at >= from && at <= to + reportSlack);
        }

        int count() {
            return reportedAt.size();
        }

        int failed() {
            return failures.size();
        }
    }

    private static final class IgnoringObserver implements BoardObserver {
        @Override
        public void statusRead(ControllerId controller, BoardStatus status, Instant at) {}

        @Override
        public void statusFailed(ControllerId controller, String reason, Instant at) {}
    }
}
