package io.openfirecluster.checker;

/**
 * The first delivery of one 1:1 message: when it was sent and received (nanoseconds since the
 * history's start), the way it travelled, and whether the checker counted it late (after a heal,
 * or from offline storage) rather than live.
 */
public record Delivery(long sentNanos, long receivedNanos, PairKind pair, boolean late) {
    /** Receive time minus send time, in nanoseconds. */
    public long latencyNanos() {
        return receivedNanos - sentNanos;
    }
}
