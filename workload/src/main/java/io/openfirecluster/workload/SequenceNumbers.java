package io.openfirecluster.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sequence numbers per sender and addressee (a client, or the room), from 1 without gaps in the
 * order they are drawn. The checker reads a delivery of a lower number after a higher one of the
 * same pair as a reorder. A failed send leaves a gap, which the checker does not mind.
 */
final class SequenceNumbers {
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    long next(String from, String to) {
        return counters.computeIfAbsent(from + "\u0000" + to, pair -> new AtomicLong()).incrementAndGet();
    }
}
