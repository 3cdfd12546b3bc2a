package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter on a hand-driven clock: no real time passes. */
class RateLimiterTest {
    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void permitsAreSpacedByTheInterval() {
        RateLimiter limiter = new RateLimiter(4, clock::get);
        assertEquals(250_000_000, limiter.intervalNanos());
        assertEquals(0, limiter.reserve());
        assertEquals(250_000_000, limiter.reserve());
        assertEquals(500_000_000, limiter.reserve());
        clock.addAndGet(600_000_000);
        assertEquals(150_000_000, limiter.reserve(), "the slot after 750 ms, seen at 600 ms");
    }

    @Test
    void aClientThatFellBehindDoesNotBurst() {
        RateLimiter limiter = new RateLimiter(10, clock::get);
        limiter.reserve();
        clock.addAndGet(5_000_000_000L);
        assertEquals(0, limiter.reserve());
        assertEquals(100_000_000, limiter.reserve(), "one interval after now, not a catch-up of 50 permits");
    }

    @Test
    void acquireStopsAtTheDeadlineWithoutWaiting() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(1, clock::get);
        assertTrue(limiter.acquire(clock.get() + 10), "the first permit is now");
        assertFalse(limiter.acquire(clock.get() + 10), "the next one is a second away, after the deadline");
    }

    @Test
    void rateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, clock::get));
    }
}
