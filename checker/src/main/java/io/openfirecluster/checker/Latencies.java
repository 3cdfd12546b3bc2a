package io.openfirecluster.checker;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/** Delivery latencies (receive time minus send time) and their percentiles, by nearest rank. */
public final class Latencies {
    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    public static Latencies of(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latencies(sorted);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The PERCENT-th percentile (0 < PERCENT ≤ 100); zero when there are no samples. */
    public Duration percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100], got " + percent);
        }
        if (sortedNanos.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return Duration.ofNanos(sortedNanos[Math.max(rank, 1) - 1]);
    }

    public Duration max() {
        return sortedNanos.length == 0 ? Duration.ZERO : Duration.ofNanos(sortedNanos[sortedNanos.length - 1]);
    }

    /** The samples in nanoseconds, ascending (a copy). */
    public long[] sortedNanos() {
        return Arrays.copyOf(sortedNanos, sortedNanos.length);
    }
}
