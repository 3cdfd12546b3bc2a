package io.openfirecluster.checker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The faults of a history: their windows (an apply paired with the next heal of the same
 * description) and the heal times, which decide whether a delivery was late (a heal came between
 * its send and its receive) and from when room views must agree (the last heal).
 */
final class FaultTimeline {
    private final List<FaultWindow> windows;
    private final long[] heals;

    private FaultTimeline(List<FaultWindow> windows, long[] heals) {
        this.windows = windows;
        this.heals = heals;
    }

    /** Takes a history's fault events one at a time, in time order; its other events are ignored. */
    static final class Builder {
        private final List<Event> faults = new ArrayList<>();

        void observe(Event event) {
            if (event.kind() == Event.Kind.FAULT_APPLY || event.kind() == Event.Kind.FAULT_HEAL) {
                faults.add(event);
            }
        }

        FaultTimeline timeline() {
            List<FaultWindow> windows = new ArrayList<>();
            List<Event> open = new ArrayList<>();
            for (Event fault : faults) {
                if (fault.kind() == Event.Kind.FAULT_APPLY) {
                    open.add(fault);
                    continue;
                }
                Optional<Event> apply = open.stream().filter(event -> event.detail().equals(fault.detail())).findFirst();
                apply.ifPresent(open::remove);
                windows.add(new FaultWindow(fault.detail(), apply.map(FaultTimeline::offset), Optional.of(offset(fault))));
            }
            open.forEach(apply -> windows.add(new FaultWindow(apply.detail(), Optional.of(offset(apply)), Optional.empty())));
            windows.sort(Comparator.comparing(window -> window.applied().or(window::healed).orElseThrow()));
            long[] heals = faults.stream().filter(event -> event.kind() == Event.Kind.FAULT_HEAL).mapToLong(Event::nanos).toArray();
            return new FaultTimeline(List.copyOf(windows), heals);
        }
    }

    List<FaultWindow> windows() {
        return windows;
    }

    /** Whether a fault was healed after SENT and no later than RECEIVED: a delivery across it is late. */
    boolean healedBetween(long sent, long received) {
        for (long heal : heals) {
            if (heal > sent && heal <= received) {
                return true;
            }
        }
        return false;
    }

    /** The time of the last heal, from which the cluster is expected to converge. */
    OptionalLong lastHeal() {
        return heals.length == 0 ? OptionalLong.empty() : OptionalLong.of(heals[heals.length - 1]);
    }

    private static Duration offset(Event event) {
        return Duration.ofNanos(event.nanos());
    }
}
