package io.openfirecluster.checker;

import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Whether the entry points' views of a room's occupants agree at the end of the history, and since
 * when: the first time after the reference (the last heal, or the history's start) from which all
 * views agree and keep agreeing.
 *
 * @param status     agree, disagree, or not observed (no views recorded)
 * @param reference  the last heal (or zero, the history's start), from which convergence is measured
 * @param converged  when they last came to agree, as time since the history's start; zero unless AGREE
 * @param finalViews each entry point's last view, nicknames comma-separated
 */
public record Agreement(Status status, Duration reference, Duration converged, SortedMap<String, String> finalViews) {

    public enum Status { AGREE, DISAGREE, NOT_OBSERVED }

    /** How long after the reference the views came to agree for good; empty unless they agree. */
    public Optional<Duration> agreeAfter() {
        if (status != Status.AGREE) {
            return Optional.empty();
        }
        Duration after = converged.minus(reference);
        return Optional.of(after.isNegative() ? Duration.ZERO : after);
    }
}
