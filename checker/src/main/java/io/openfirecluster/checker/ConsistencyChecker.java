package io.openfirecluster.checker;

import io.openfirecluster.topology.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Checks a history for anomalies: lost, late, duplicated and reordered 1:1 messages, room
 * messages occupants missed, room views that do not converge, and the fault timeline. Pure code
 * over the recorded events, so a stored history can be checked again later (see {@link HistoryJson}).
 *
 * <p>The events are taken one at a time, in time order, and none is kept: the state is per
 * message, per pair of clients, per room occupant and per entry point, so a history of millions
 * of events is checked from its file ({@link HistoryJson#events}) without being held in memory.
 * Each check reports its own speed ({@link Speed}) to the consumer given at construction.
 */
public final class ConsistencyChecker {
    private final Consumer<Speed> speed;

    /** A checker that keeps its speed to itself. */
    public ConsistencyChecker() {
        this(measured -> {
        });
    }

    /** A checker that tells SPEED how fast each check went. */
    public ConsistencyChecker(Consumer<Speed> speed) {
        this.speed = speed;
    }

    public CheckResult check(String scenario, History history) {
        return check(scenario, history.start(), history.events().iterator());
    }

    /**
     * Checks the history that starts at START (wall clock) and consists of EVENTS, in time order
     * (as {@link History} and {@link HistoryJson} give them); IllegalArgumentException naming the
     * first event that comes before its predecessor.
     */
    public CheckResult check(String scenario, Instant start, Iterator<Event> events) {
        long began = System.nanoTime();
        FaultTimeline.Builder faults = new FaultTimeline.Builder();
        PairClassifier pairs = new PairClassifier();
        DirectMessageCheck direct = new DirectMessageCheck();
        RoomCheck rooms = new RoomCheck();
        long count = 0;
        long last = 0;
        while (events.hasNext()) {
            Event event = events.next();
            if (event.nanos() < last) {
                throw new IllegalArgumentException("the history is not in time order: event " + (count + 1) + " (" + event.kind()
                        + " of " + event.client() + " at " + event.nanos() + " ns) comes after one at " + last + " ns");
            }
            last = event.nanos();
            count++;
            faults.observe(event);
            pairs.observe(event);
            direct.observe(event);
            rooms.observe(event);
        }
        FaultTimeline timeline = faults.timeline();
        CheckResult result = new CheckResult(scenario, start, Duration.ofNanos(last), direct.result(timeline, pairs),
                rooms.results(timeline.lastHeal()), timeline.windows());
        speed.accept(new Speed(count, Duration.ofNanos(System.nanoTime() - began)));
        return result;
    }

    /** How many events one check took in, and how long it took (reading them included when they come from a file). */
    public record Speed(long events, Duration took) {
        public double eventsPerSecond() {
            return took.isZero() ? 0 : events / (took.toNanos() / 1e9);
        }

        /** "checker: 1000000 events in 12.3 s, 81300 events/s". */
        public String line() {
            return "checker: " + events + " events in " + Format.seconds(took) + ", "
                    + Math.round(eventsPerSecond()) + " events/s";
        }
    }
}
