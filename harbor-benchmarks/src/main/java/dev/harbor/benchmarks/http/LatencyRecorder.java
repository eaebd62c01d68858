package dev.harbor.benchmarks.http;

import java.util.Arrays;
import java.util.List;

/** Latencies in nanoseconds, one recorder per worker thread, merged at the end. */
final class LatencyRecorder {

    private long[] values = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Summary summarize(List<LatencyRecorder> recorders) {
        int total = recorders.stream().mapToInt(LatencyRecorder::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder r : recorders) {
            System.arraycopy(r.values, 0, all, at, r.size);
            at += r.size;
        }
        Arrays.sort(all);
        return new Summary(total, percentile(all, 0.50), percentile(all, 0.99), total == 0 ? 0 : all[total - 1]);
    }

    /** Nearest-rank percentile: the smallest value with at least {@code q} of the sample at or below it. */
    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    record Summary(int count, long p50Nanos, long p99Nanos, long maxNanos) {
        String describe() {
            return String.format("p50 %s  p99 %s  max %s  (n=%d)", ms(p50Nanos), ms(p99Nanos), ms(maxNanos), count);
        }

        static String ms(long nanos) {
            return String.format("%.2f ms", nanos / 1e6);
        }
    }
}
