package dev.harbor.benchmarks.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start to first answered request: launches {@code java -jar harbor-app.jar} on 127.0.0.1 and a
 * free port, polls {@code GET /health} every 2 ms until it answers 200, and measures from just
 * before the process is started. Each run is stopped with SIGTERM (the gateway's orderly stop)
 * before the next. The storage is whatever the {@code HARBOR_*} environment says, so the first run
 * on a fresh data directory or schema also runs the migrations; it is reported apart from the
 * restarts. Not a test: {@code harbor-benchmarks/run-http-benchmarks.sh} runs it.
 *
 * <p>System properties: {@code bench.jar} (required), {@code bench.runs} (5),
 * {@code bench.logDir} (the system temporary directory), {@code bench.jvmArgs} (none: options put
 * before {@code -jar}, separated by spaces, to try for example a class-data-sharing archive).
 */
public final class StartupBenchmark {

    private static final String JAR = System.getProperty("bench.jar");
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final Path LOG_DIR =
            Path.of(System.getProperty("bench.logDir", System.getProperty("java.io.tmpdir")));
    private static final List<String> JVM_ARGS = Arrays.stream(
                    System.getProperty("bench.jvmArgs", "").split(" "))
            .filter(a -> !a.isBlank())
            .toList();
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (JAR == null || !Files.isReadable(Path.of(JAR))) {
            System.err.println("usage: java -Dbench.jar=harbor-app/target/harbor-app.jar [-Dbench.runs=5] "
                    + StartupBenchmark.class.getName());
            System.exit(2);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf(
                "start to first answered GET /health: %d runs of %s %s-jar %s%n",
                RUNS, java, JVM_ARGS.isEmpty() ? "" : String.join(" ", JVM_ARGS) + " ", JAR);
        double[] millis = new double[RUNS];
        double[] logged = new double[RUNS];
        double[] listening = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            Run result = once(java, run);
            millis[run] = result.answeredMs();
            logged[run] = result.firstLogMs();
            listening[run] = result.listeningMs();
            System.out.printf(
                    "  run %d: %.0f ms (first log line at %.0f ms, 'listening' at %.0f ms)%s%n",
                    run + 1, millis[run], logged[run], listening[run], run == 0 ? ", first start on this storage" : "");
        }
        System.out.printf(
                "medians: first log line (JVM, logging, configuration) %.0f ms; 'listening' (database,"
                        + " migrations, boards, HTTP) %.0f ms; first 200 from /health %.0f ms%n",
                median(logged), median(listening), median(millis));
        double[] restarts = Arrays.copyOfRange(millis, 1, RUNS);
        System.out.printf(
                "first start %.0f ms; restarts median %.0f ms (min %.0f, max %.0f); all runs median %.0f ms%n",
                millis[0],
                median(restarts),
                Arrays.stream(restarts).min().orElse(Double.NaN),
                Arrays.stream(restarts).max().orElse(Double.NaN),
                median(millis));
        System.out.printf(
                "RESULT startup_first_ms=%.0f startup_median_ms=%.0f startup_restart_median_ms=%.0f%n",
                millis[0], median(millis), median(restarts));
    }

    /**
     * Milliseconds from the launch to the gateway's first log line, to its "listening" line (both
     * read from the log's wall-clock timestamps, so only as exact as the clocks' milliseconds), and
     * to the first 200.
     */
    private record Run(double firstLogMs, double listeningMs, double answeredMs) {}

    private static Run once(String java, int run) throws IOException, InterruptedException {
        int port = freePort();
        Path log = LOG_DIR.resolve("harbor-startup-" + (run + 1) + ".log");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_ARGS);
        command.addAll(List.of("-jar", JAR));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HARBOR_HTTP_HOST", "127.0.0.1");
        builder.environment().put("HARBOR_HTTP_PORT", Integer.toString(port));
        long startWall = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() - start > GIVE_UP_NANOS) {
                    throw new IllegalStateException("no 200 from /health within 60 s; see " + log);
                }
                if (healthy(port)) {
                    double answered = (System.nanoTime() - start) / 1e6;
                    return new Run(logged(log, "", startWall), logged(log, " listening on ", startWall), answered);
                }
                Thread.sleep(2);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Milliseconds from {@code startWall} to the first log line containing {@code text}; NaN if none. */
    private static double logged(Path log, String text, long startWall) throws IOException {
        for (String line : Files.readAllLines(log)) {
            int space = line.indexOf(' ');
            if (line.contains(text) && space > 0) {
                try {
                    return OffsetDateTime.parse(line.substring(0, space))
                                    .toInstant()
                                    .toEpochMilli()
                            - startWall;
                } catch (DateTimeParseException notATimestamp) {
                    // a continuation line (a stack trace): keep looking
                }
            }
        }
        return Double.NaN;
    }

    private static boolean healthy(int port) {
        try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
            return connection.get("/health").status() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
