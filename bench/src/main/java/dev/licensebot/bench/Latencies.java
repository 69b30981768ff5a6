package dev.licensebot.bench;

import java.util.Arrays;
import java.util.Locale;

/** Measured durations of one kind of request: percentiles over all samples, in milliseconds. */
public record Latencies(long[] sortedNanos) {

    public static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    public double millis(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    public double p50() {
        return millis(50);
    }

    public double p99() {
        return millis(99);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms (n=%d)", p50(), p99(), count());
    }
}
