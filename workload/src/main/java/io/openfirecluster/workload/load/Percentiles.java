package io.openfirecluster.workload.load;

import java.util.List;

/** Nearest-rank percentiles of durations in nanoseconds, in milliseconds. */
final class Percentiles {
    private Percentiles() {
    }

    /** The P-th percentile (0 < P <= 100) of NANOS in ms; NaN when there are none. */
    static double millis(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] / 1e6;
    }
}
