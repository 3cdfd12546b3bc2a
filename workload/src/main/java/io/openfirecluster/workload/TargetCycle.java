package io.openfirecluster.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whom a client's next message goes to: every other client in turn (all-to-all), starting with
 * the one after itself so that the clients do not all message c01 first, and every
 * {@value #ROOM_EVERY}th message to the room when there is one. Not thread-safe: one per client.
 */
final class TargetCycle {
    /**
     * Every ROOM_EVERY-th message of a client goes to the room: 2 of the default 50 msg/s. In a
     * cluster Openfire takes a cluster-wide lock and reads and writes the whole room through
     * Hazelcast for every room stanza (MultiUserChatServiceImpl.processRegularStanza), and a
     * session's stanzas are handled in order: measured here (2 cores, 3 nodes), a room carried
     * about 6-10 messages/s, and at 10/s (every 5th) the queue behind it grew until the senders'
     * 1:1 messages took 20-40 s too. The workload measures the cluster, not its saturation.
     */
    static final int ROOM_EVERY = 25;

    private final List<String> others;
    private final boolean room;
    private long sends;
    private int nextOther;

    /** The cycle of SELF among CLIENTS (all ids, SELF included), with or without a ROOM. */
    TargetCycle(List<String> clients, String self, boolean room) {
        int at = clients.indexOf(self);
        if (at < 0) {
            throw new IllegalArgumentException(self + " is not one of the clients " + clients);
        }
        List<String> others = new ArrayList<>();
        for (int i = 1; i < clients.size(); i++) {
            others.add(clients.get((at + i) % clients.size()));
        }
        this.others = List.copyOf(others);
        this.room = room;
    }

    /** The next addressee: a client id, or empty for the room. */
    Optional<String> next() {
        sends++;
        if (room && sends % ROOM_EVERY == 0) {
            return Optional.empty();
        }
        if (others.isEmpty()) {
            throw new IllegalStateException("a client alone has no one to message");
        }
        String target = others.get(nextOther);
        nextOther = (nextOther + 1) % others.size();
        return Optional.of(target);
    }
}
