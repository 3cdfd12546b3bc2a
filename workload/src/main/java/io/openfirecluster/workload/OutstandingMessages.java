package io.openfirecluster.workload;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The deliveries still awaited, so that draining waits for exactly them. A 1:1 message is settled
 * by its first delivery to anyone (or its bounce); a room message by its delivery to every
 * client that was in the room when it was sent, except those whose connection dropped since
 * (they will not get it). A message is registered before it is handed to the connection, so a
 * fast delivery cannot come before it is awaited.
 */
final class OutstandingMessages {
    /** Stands for "whoever receives it first" in the awaited set of a 1:1 message. */
    private static final String ANYONE = "";

    private final Map<String, Set<String>> awaited = new HashMap<>();

    /** A 1:1 message: its first delivery to any client settles it. */
    synchronized void awaitDelivery(String messageId) {
        awaited.put(messageId, new HashSet<>(Set.of(ANYONE)));
    }

    /** A room message: settled when each of OCCUPANTS received it. */
    synchronized void awaitDeliveries(String messageId, Collection<String> occupants) {
        if (!occupants.isEmpty()) {
            awaited.put(messageId, new HashSet<>(occupants));
        }
    }

    synchronized void delivered(String messageId, String client) {
        Set<String> waiting = awaited.get(messageId);
        if (waiting == null) {
            return;
        }
        waiting.remove(client);
        if (waiting.contains(ANYONE) || waiting.isEmpty()) {
            remove(messageId);
        }
    }

    /** Nothing more will come of this message: it bounced, or it could not be sent. */
    synchronized void settled(String messageId) {
        remove(messageId);
    }

    /** CLIENT's connection dropped: it gets none of the room messages it was awaited for. */
    synchronized void clientLeft(String client) {
        awaited.values().removeIf(waiting -> waiting.remove(client) && waiting.isEmpty());
        wakeIfDone();
    }

    synchronized int count() {
        return awaited.size();
    }

    /** Waits until nothing is awaited or DEADLINE passed; how many messages are still awaited. */
    synchronized int awaitNone(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!awaited.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return awaited.size();
    }

    private void remove(String messageId) {
        awaited.remove(messageId);
        wakeIfDone();
    }

    private void wakeIfDone() {
        if (awaited.isEmpty()) {
            notifyAll();
        }
    }
}
