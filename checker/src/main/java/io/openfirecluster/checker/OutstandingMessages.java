package io.openfirecluster.checker;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The messages sent and not yet settled, so that draining can wait for exactly them. A 1:1
 * message settles at its first delivery or its bounce; a room message when the room reflects it
 * back to its sender (or bounces it). A message is added before it is handed to the connection,
 * so a fast delivery cannot settle it before it is counted.
 */
final class OutstandingMessages {
    private final Set<String> pending = new HashSet<>();

    synchronized void sent(String messageId) {
        pending.add(messageId);
    }

    synchronized void settled(String messageId) {
        if (pending.remove(messageId) && pending.isEmpty()) {
            notifyAll();
        }
    }

    synchronized int count() {
        return pending.size();
    }

    /** Waits until nothing is outstanding or DEADLINE passed; how many are still outstanding. */
    synchronized int awaitNone(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!pending.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return pending.size();
    }
}
