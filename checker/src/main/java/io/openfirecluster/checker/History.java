package io.openfirecluster.checker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one run recorded, in time order. Events with the same time keep the order they were
 * recorded in (the sort is stable), so a client's receives stay in arrival order.
 *
 * @param start  the wall-clock time of nanos 0, for reports and for lining the history up with logs
 * @param events the events, sorted by {@link Event#nanos()}
 */
public record History(Instant start, List<Event> events) {

    public History {
        Objects.requireNonNull(start, "start");
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::nanos));
        events = List.copyOf(sorted);
    }

    /** The events of the given kinds, in time order. */
    public List<Event> ofKind(Event.Kind first, Event.Kind... more) {
        Set<Event.Kind> kinds = EnumSet.of(first, more);
        return events.stream().filter(event -> kinds.contains(event.kind())).toList();
    }

    /** How long the history spans: from its start to its last event. */
    public Duration span() {
        return events.isEmpty() ? Duration.ZERO : Duration.ofNanos(events.get(events.size() - 1).nanos());
    }

    /** The wall-clock time of NANOS since the start. */
    public Instant instantOf(long nanos) {
        return start.plusNanos(nanos);
    }
}
