package io.openfirecluster.workload;

import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.History;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Collects events from many threads (every client's listeners, the send loops, the scenario
 * runner) into one history. Times come from one monotonic clock, read through {@link #now()}, so
 * all events of a run are comparable; the clock can be replaced for tests.
 */
public final class HistoryRecorder {
    private final Instant start;
    private final LongSupplier clock;
    private final long origin;
    private final List<Event> events = new ArrayList<>();

    /** A recorder whose nanos 0 is now, on {@link System#nanoTime()}. */
    public HistoryRecorder() {
        this(Instant.now(), System::nanoTime);
    }

    /** A recorder whose nanos 0 is START, reading time from CLOCK (nanoseconds, any origin). */
    public HistoryRecorder(Instant start, LongSupplier clock) {
        this.start = start;
        this.clock = clock;
        this.origin = clock.getAsLong();
    }

    /** Nanoseconds since the start: take it when a thing happens, record the event when it is known. */
    public long now() {
        return clock.getAsLong() - origin;
    }

    public void record(Event event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** The scenario runner's hook: a fault was applied (or healed, APPLIED false) now. */
    public void recordFault(String description, boolean applied) {
        record(Event.fault(now(), description, applied));
    }

    /** What was recorded so far; recording may go on. */
    public History snapshot() {
        synchronized (events) {
            return new History(start, events);
        }
    }
}
