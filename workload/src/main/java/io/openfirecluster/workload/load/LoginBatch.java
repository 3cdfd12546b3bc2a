package io.openfirecluster.workload.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outcome of logging in a batch of clients, collected from the threads that log them in:
 * each login's time (from its paced start to logged in), the failures by reason, and when the
 * last one finished.
 */
final class LoginBatch {
    private final int size;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch done;
    private final ConcurrentLinkedQueue<Long> loginNanos = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicLong lastDoneNanos = new AtomicLong(startNanos);

    LoginBatch(int size) {
        this.size = size;
        this.done = new CountDownLatch(size);
    }

    void loggedIn(long startedNanos, long nanos) {
        loginNanos.add(nanos - startedNanos);
        lastDoneNanos.accumulateAndGet(nanos, Math::max);
        done.countDown();
    }

    void failed(String reason, long nanos) {
        failures.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
        lastDoneNanos.accumulateAndGet(nanos, Math::max);
        done.countDown();
    }

    /** Waits until every login succeeded or failed, or until DEADLINE (System.nanoTime()); whether all did. */
    boolean await(long deadlineNanos) throws InterruptedException {
        return done.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    int size() {
        return size;
    }

    int loggedIn() {
        return loginNanos.size();
    }

    int failed() {
        return failures.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Neither logged in nor failed (when the deadline passed). */
    int unfinished() {
        return Math.max(0, size - loggedIn() - failed());
    }

    double seconds() {
        return (lastDoneNanos.get() - startNanos) / 1e9;
    }

    List<Long> loginNanos() {
        return List.copyOf(loginNanos);
    }

    Map<String, Integer> failures() {
        Map<String, Integer> sorted = new TreeMap<>();
        failures.forEach((reason, count) -> sorted.put(reason, count.get()));
        return sorted;
    }
}
