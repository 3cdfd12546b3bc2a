package io.openfirecluster.control;

import io.openfirecluster.topology.LabException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one wait of the lab (its goals and its tests): poll a condition until it holds or a deadline
 * passes, then throw {@link WaitTimeoutException}.
 */
public final class Wait {
    /** The polling interval: how often a condition is asked, never how long an outcome takes. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    private Wait() {
    }

    /** Polls CONDITION until it holds; on the deadline throws {@link WaitTimeoutException} naming WHAT. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        until(what, deadline, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), () -> "");
    }

    /**
     * Polls VALUE until it has one and returns it; on the deadline throws {@link WaitTimeoutException}
     * naming WHAT and the last STATE (what was seen instead), so a failed wait says why.
     */
    public static <T> T until(String what, Duration deadline, Supplier<Optional<T>> value, Supplier<String> state) {
        return until(what, deadline, INTERVAL, value, state);
    }

    /**
     * As {@link #until(String, Duration, Supplier, Supplier)}, asking every INTERVAL: for a wait
     * that also measures how long the outcome took, to a finer step than the usual interval.
     */
    public static <T> T until(String what, Duration deadline, Duration interval, Supplier<Optional<T>> value, Supplier<String> state) {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            Optional<T> result = value.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (Instant.now().isAfter(end)) {
                String seen = state.get();
                throw new WaitTimeoutException(what + ": not within " + deadline.toSeconds() + " s" + (seen.isEmpty() ? "" : " (seen: " + seen + ")"));
            }
            sleep(interval);
        }
    }

    /** One polling interval, for a loop that waits for something with no deadline (a log stream to re-attach to). */
    public static void pause() {
        sleep(INTERVAL);
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while waiting", e);
        }
    }
}
