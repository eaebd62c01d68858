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
import java.util.Arrays;

/**
 * Latency of one open through {@link BusLockBoard} over a socat pty at 9600 baud with the
 * simulator's wire-time pacing on, against the pure wire time of the same frames; and an open-all
 * of 48 lockers on one bus (sequential, as the application does within one bus). Not a test:
 * run it with {@code ./mvnw -B -q -Pbench -pl harbor-benchmarks -am verify -DskipTests}.
 */
public final class LockBoardBenchmark {

    private static final int BAUD = 9600;
    private static final double MS_PER_BYTE = 10_000.0 / BAUD;
    private static final Duration REPLY_DELAY = Duration.ofMillis(2);
    private static final int OPENS = Integer.getInteger("bench.opens", 300);
    private static final int OPEN_ALL_ROUNDS = Integer.getInteger("bench.openAllRounds", 10);
    private static final ControllerId CONTROLLER = ControllerId.of(1);

    private LockBoardBenchmark() {}

    /** Bytes on the wire for one open: requests and replies of each exchange, and how many exchanges. */
    private record WireCost(int bytes, int exchanges) {
        double wireMs() {
            return bytes * MS_PER_BYTE;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(
                "lock-board benchmark: %d opens, %d open-all rounds, %d baud pacing, simulator reply delay %d ms%n",
                OPENS, OPEN_ALL_ROUNDS, BAUD, REPLY_DELAY.toMillis());
        run(Protocol.XOR8A, 1, new WireCost(5 + 5, 1));
        run(Protocol.KERONG_CU48, 0, new WireCost(6 + 6 + 6 + 18, 2));
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
            double replyDelays = cost.exchanges() * REPLY_DELAY.toMillis();
            double gaps = (cost.exchanges() - 1) * settings.quietGap().toMillis();
            report(protocol, "one open", single, cost.wireMs(), replyDelays + gaps);

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
            report(protocol, "policy open", throughPolicy, cost.wireMs(), replyDelays + gaps);

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
            double allGaps = (48 * cost.exchanges() - 1) * settings.quietGap().toMillis();
            report(protocol, "open-all 48", all, 48 * cost.wireMs(), 48 * replyDelays + allGaps);
        }
    }

    private static void report(Protocol protocol, String what, double[] millis, double wireMs, double mandatedMs) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 50);
        double p99 = percentile(sorted, 99);
        System.out.printf(
                "%-12s %-12s n=%-4d p50 %8.2f ms  p99 %8.2f ms  wire %8.2f ms  ratio p50/wire %5.2f  "
                        + "overhead (total - wire - reply delays - quiet gaps) p50 %6.2f ms  p99 %6.2f ms%n",
                protocol.id(),
                what,
                millis.length,
                p50,
                p99,
                wireMs,
                p50 / wireMs,
                p50 - wireMs - mandatedMs,
                p99 - wireMs - mandatedMs);
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static final class IgnoringObserver implements BoardObserver {
        @Override
        public void statusRead(ControllerId controller, BoardStatus status, Instant at) {}

        @Override
        public void statusFailed(ControllerId controller, String reason, Instant at) {}
    }
}
