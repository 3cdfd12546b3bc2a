package io.openfirecluster.workload;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces a client's sends evenly at a target rate. A permit is a time slot one interval after the
 * previous one; a client that fell behind (a reconnect, a slow send) starts again from now rather
 * than catching up in a burst, so the rate is a ceiling and the cluster never sees a storm.
 * Not thread-safe: each client has its own.
 */
final class RateLimiter {
    private final long intervalNanos;
    private final LongSupplier clock;
    private long nextSlot;

    /** PER_SECOND permits a second on CLOCK (nanoseconds, e.g. System::nanoTime). */
    RateLimiter(double perSecond, LongSupplier clock) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a rate is a positive number of permits per second, got " + perSecond);
        }
        this.intervalNanos = Math.max(1, Math.round(1e9 / perSecond));
        this.clock = clock;
        this.nextSlot = clock.getAsLong();
    }

    /** Takes the next permit: how many nanoseconds from now its slot is (0: right now). */
    long reserve() {
        long now = clock.getAsLong();
        long slot = Math.max(nextSlot, now);
        nextSlot = slot + intervalNanos;
        return slot - now;
    }

    /**
     * Waits for the next permit; false (without waiting) when its slot is after DEADLINE (a time
     * on the clock), which ends a bounded send loop.
     */
    boolean acquire(long deadline) throws InterruptedException {
        long wait = reserve();
        if (clock.getAsLong() + wait > deadline) {
            return false;
        }
        TimeUnit.NANOSECONDS.sleep(wait);
        return true;
    }

    long intervalNanos() {
        return intervalNanos;
    }
}
