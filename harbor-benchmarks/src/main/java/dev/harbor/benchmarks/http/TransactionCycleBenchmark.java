package dev.harbor.benchmarks.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The create + release cycle against a running gateway on 127.0.0.1: each of N workers, on its own
 * keep-alive connection, creates a transaction ({@code POST /transactions}) and releases it
 * ({@code DELETE /transactions/{id}}), again and again, for a bounded time and a bounded number of
 * cycles, after an unrecorded warm-up. Prints cycles per second and p50/p99 of the cycle and of
 * each request. Not a test: {@code harbor-benchmarks/run-http-floors.sh} and {@code run-http-benchmarks.sh} run it.
 *
 * <p>Every active transaction holds a locker, so the number of workers must not exceed the number
 * of free lockers (32 in the demo layout), or creates answer 503 and count as errors.
 *
 * <p>System properties: {@code bench.port} (required), {@code bench.workers} (16),
 * {@code bench.seconds} (15), {@code bench.warmupSeconds} (3), {@code bench.maxCycles} (200000).
 */
public final class TransactionCycleBenchmark {

    private static final int PORT = Integer.getInteger("bench.port", -1);
    private static final int WORKERS = Integer.getInteger("bench.workers", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 3);
    private static final int MAX_CYCLES = Integer.getInteger("bench.maxCycles", 200_000);

    private TransactionCycleBenchmark() {}

    /** Latencies of one worker in one phase. */
    private record WorkerSample(LatencyRecorder cycle, LatencyRecorder create, LatencyRecorder release) {
        WorkerSample() {
            this(new LatencyRecorder(), new LatencyRecorder(), new LatencyRecorder());
        }
    }

    /** Unexpected answers by kind ("create 503", "release io"), so a failing run says why. */
    private static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();
    /** The first body or message seen for each kind of error. */
    private static final Map<String, String> EXAMPLES = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (PORT <= 0) {
            System.err.println("usage: java -Dbench.port=PORT [-Dbench.workers=16 -Dbench.seconds=15] "
                    + TransactionCycleBenchmark.class.getName());
            System.exit(2);
        }
        System.out.printf(
                "create+release cycle on 127.0.0.1:%d: %d workers, %d s (at most %d cycles) after a %d s warm-up%n",
                PORT, WORKERS, SECONDS, MAX_CYCLES, WARMUP_SECONDS);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<KeepAliveConnection> connections = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            connections.add(new KeepAliveConnection(PORT));
        }
        try {
            phase(connections, "w" + run, WARMUP_SECONDS, Integer.MAX_VALUE);
            ERRORS.clear();
            EXAMPLES.clear();
            long start = System.nanoTime();
            List<WorkerSample> samples = phase(connections, "m" + run, SECONDS, MAX_CYCLES);
            double seconds = (System.nanoTime() - start) / 1e9;
            report(samples, seconds);
        } finally {
            connections.forEach(KeepAliveConnection::close);
        }
    }

    private static List<WorkerSample> phase(
            List<KeepAliveConnection> connections, String prefix, int seconds, int maxCycles)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger budget = new AtomicInteger(maxCycles);
        List<WorkerSample> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < connections.size(); w++) {
            WorkerSample sample = new WorkerSample();
            samples.add(sample);
            KeepAliveConnection connection = connections.get(w);
            String idPrefix = prefix + "-" + w + "-";
            threads.add(new Thread(() -> work(connection, idPrefix, deadline, budget, sample), "cycle-" + w));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        return samples;
    }

    private static void work(
            KeepAliveConnection connection, String idPrefix, long deadline, AtomicInteger budget, WorkerSample sample) {
        for (int n = 0; System.nanoTime() < deadline && budget.getAndDecrement() > 0; n++) {
            String id = idPrefix + n;
            long t0 = System.nanoTime();
            KeepAliveConnection.Response created;
            try {
                created = connection.post("/transactions", "{\"transactionId\":\"" + id + "\"}");
            } catch (IOException e) {
                error("create io", String.valueOf(e));
                connection.close();
                pause();
                continue;
            }
            long t1 = System.nanoTime();
            if (created.status() != 201) {
                error("create " + created.status(), created.text());
                if (created.status() != 409) {
                    continue;
                }
            }
            KeepAliveConnection.Response released;
            try {
                released = connection.delete("/transactions/" + id);
            } catch (IOException e) {
                error("release io", String.valueOf(e));
                connection.close();
                pause();
                continue;
            }
            long t2 = System.nanoTime();
            if (released.status() != 204) {
                error("release " + released.status(), released.text());
                continue;
            }
            if (created.status() == 201) {
                sample.cycle().add(t2 - t0);
                sample.create().add(t1 - t0);
                sample.release().add(t2 - t1);
            }
        }
    }

    private static void report(List<WorkerSample> samples, double seconds) {
        LatencyRecorder.Summary cycle = LatencyRecorder.summarize(
                samples.stream().map(WorkerSample::cycle).toList());
        LatencyRecorder.Summary create = LatencyRecorder.summarize(
                samples.stream().map(WorkerSample::create).toList());
        LatencyRecorder.Summary release = LatencyRecorder.summarize(
                samples.stream().map(WorkerSample::release).toList());
        long errors = ERRORS.values().stream().mapToLong(LongAdder::sum).sum();
        double rate = cycle.count() / seconds;
        System.out.printf(
                "cycles %d in %.2f s = %.1f cycles/s (%.1f requests/s); errors %d%n",
                cycle.count(), seconds, rate, 2 * rate, errors);
        System.out.println("  cycle   " + cycle.describe());
        System.out.println("  create  " + create.describe());
        System.out.println("  release " + release.describe());
        new TreeMap<>(ERRORS)
                .forEach((kind, count) -> System.out.printf(
                        "  error x%d: %s, e.g. %s%n", count.sum(), kind, abbreviate(EXAMPLES.get(kind))));
        System.out.printf(
                "RESULT cycles_per_s=%.1f cycle_p50_ms=%.2f cycle_p99_ms=%.2f errors=%d%n",
                rate, cycle.p50Nanos() / 1e6, cycle.p99Nanos() / 1e6, errors);
    }

    /** After a broken connection, so a gateway that went away is not hammered by reconnects. */
    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void error(String kind, String example) {
        EXAMPLES.putIfAbsent(kind, example);
        ERRORS.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
