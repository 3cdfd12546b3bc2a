package io.openfirecluster.checker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Whether the entry points agree on who is in a room. Each entry point's view is its latest
 * {@link Event.Kind#OCCUPANTS} event for the room; a view ends when the client that recorded it
 * loses its connection (it no longer sees the room) until it records a new one. The views agree
 * when there is at least one and all are equal. The result is the last moment they came to agree,
 * if they still agree at the end of the history. Events come one at a time, in time order: the
 * state is the current view per entry point.
 */
final class OccupantAgreement {
    private final String room;
    private final Map<String, Event> views = new HashMap<>();
    private boolean observed;
    private boolean agreeing;
    private long cameToAgree;

    OccupantAgreement(String room) {
        this.room = room;
    }

    void observe(Event event) {
        if (event.kind() == Event.Kind.OCCUPANTS) {
            if (!event.to().equals(room)) {
                return;
            }
            observed = true;
            views.put(event.entry(), event);
        } else if (event.kind() != Event.Kind.DISCONNECT || !views.values().removeIf(view -> view.client().equals(event.client()))) {
            return;
        }
        boolean agreeNow = !views.isEmpty() && views.values().stream().map(Event::detail).distinct().count() == 1;
        if (agreeNow && !agreeing) {
            cameToAgree = event.nanos();
        }
        agreeing = agreeNow;
    }

    /** The agreement at the end of the history, measured from LASTHEAL (or the history's start). */
    Agreement result(OptionalLong lastHeal) {
        Duration reference = Duration.ofNanos(lastHeal.orElse(0));
        TreeMap<String, String> finalViews = new TreeMap<>();
        views.forEach((entry, view) -> finalViews.put(entry, view.detail()));
        if (!observed) {
            return new Agreement(Agreement.Status.NOT_OBSERVED, reference, Duration.ZERO, finalViews);
        }
        return agreeing
                ? new Agreement(Agreement.Status.AGREE, reference, Duration.ofNanos(cameToAgree), finalViews)
                : new Agreement(Agreement.Status.DISAGREE, reference, Duration.ZERO, finalViews);
    }
}
