package io.openfirecluster.workload;

import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * Collects events from many threads (every client's listeners, the send loops, the scenario
 * runner) into one history. Times come from one monotonic clock, read through {@link #now()}, so
 * all events of a run are comparable; the clock can be replaced for tests.
 *
 * <p>A recorder keeps its events in memory ({@link #snapshot()}), or streams them to a history
 * file as they come ({@link #streamingTo}) for runs too long to hold: the file is what the checker
 * reads one event at a time. A thread takes the time of a thing before it records it, so events
 * arrive slightly out of time order; the streaming recorder holds each event for
 * {@link #TIME_ORDER_WINDOW} of the clock and writes them in time order.
 */
public final class HistoryRecorder implements AutoCloseable {
    /**
     * How long after its time an event may still be recorded and be written in order: far more
     * than a thread ever takes between reading the clock and recording, and small enough that the
     * events held (this long of a run's events) stay few.
     */
    public static final Duration TIME_ORDER_WINDOW = Duration.ofSeconds(10);

    private final Instant start;
    private final LongSupplier clock;
    private final long origin;
    /** In memory: every event. Streaming: null. */
    private final List<Event> events;
    /** Streaming: the file, and the events not yet written to it, by time then by the order they were recorded. */
    private final HistoryJson.EventWriter file;
    private final PriorityQueue<Held> held = new PriorityQueue<>(Comparator.comparingLong((Held h) -> h.event().nanos())
            .thenComparingLong(Held::order));
    private long recorded;
    private boolean closed;

    /** A recorder whose nanos 0 is now, on {@link System#nanoTime()}. */
    public HistoryRecorder() {
        this(Instant.now(), System::nanoTime);
    }

    /** A recorder whose nanos 0 is START, reading time from CLOCK (nanoseconds, any origin). */
    public HistoryRecorder(Instant start, LongSupplier clock) {
        this(start, clock, new ArrayList<>(), null);
    }

    private HistoryRecorder(Instant start, LongSupplier clock, List<Event> events, HistoryJson.EventWriter file) {
        this.start = start;
        this.clock = clock;
        this.origin = clock.getAsLong();
        this.events = events;
        this.file = file;
    }

    /** A recorder whose nanos 0 is now, on {@link System#nanoTime()}, that writes its history to FILE; close it to end the file. */
    public static HistoryRecorder streamingTo(Path file) throws IOException {
        return streamingTo(file, Instant.now(), System::nanoTime);
    }

    /** A recorder whose nanos 0 is START on CLOCK, that writes its history to FILE; close it to end the file. */
    public static HistoryRecorder streamingTo(Path file, Instant start, LongSupplier clock) throws IOException {
        return new HistoryRecorder(start, clock, null, HistoryJson.EventWriter.to(file, start));
    }

    /** Nanoseconds since the start: take it when a thing happens, record the event when it is known. */
    public long now() {
        return clock.getAsLong() - origin;
    }

    public synchronized void record(Event event) {
        if (file == null) {
            events.add(event);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the history file is closed; no event is recorded after the run");
        }
        held.add(new Held(event, recorded++));
        writeUntil(now() - TIME_ORDER_WINDOW.toNanos());
    }

    /** The scenario runner's hook: a fault was applied (or healed, APPLIED false) now. */
    public void recordFault(String description, boolean applied) {
        record(Event.fault(now(), description, applied));
    }

    /** What was recorded so far; recording may go on. Only a recorder that keeps its events in memory has one. */
    public synchronized History snapshot() {
        if (events == null) {
            throw new IllegalStateException("a streaming recorder keeps no events: read its file (HistoryJson.events)");
        }
        return new History(start, events);
    }

    /** How many recorded events are not in the file yet (streaming; those of the last {@link #TIME_ORDER_WINDOW}). */
    synchronized int held() {
        return held.size();
    }

    /** Writes every held event and ends the file; nothing to do for a recorder in memory. */
    @Override
    public synchronized void close() throws IOException {
        if (file == null || closed) {
            return;
        }
        closed = true;
        try (HistoryJson.EventWriter closing = file) {
            writeUntil(Long.MAX_VALUE);
        }
    }

    /** Writes the held events older than NANOS, in time order. */
    private void writeUntil(long nanos) {
        try {
            while (!held.isEmpty() && held.peek().event().nanos() < nanos) {
                file.append(held.poll().event());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history file", e);
        }
    }

    /** An event waiting to be written, with its place among the recorded ones (equal times keep it). */
    private record Held(Event event, long order) {
    }
}
