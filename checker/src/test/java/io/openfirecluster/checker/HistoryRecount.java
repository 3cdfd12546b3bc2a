package io.openfirecluster.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checker's counts, counted again from a history's raw events by the plainest means and
 * without any of the checker's code (only the event types are shared). Tests compare
 * {@link #of(History)} with {@link #of(CheckResult)}: a count the checker gets wrong shows as a
 * difference, where {@code sent == live + late + lost} holds whatever the checker does (it puts
 * every sent message in exactly one of the three).
 *
 * <p>In cluster-it's test classpath through checker's test jar: ConsistencyIT recounts the history
 * each real run recorded.
 */
public record HistoryRecount(long sent, long acked, long live, long late, long lost, long lostAcked, long bounced,
                             long duplicated, long reordered, long rerouted, long unsent, SortedMap<String, RoomCount> rooms,
                             SortedMap<PairKind, PairCount> pairs) {

    /** One room's counts: messages sent to it, deliveries occupants missed, (message, occupant) pairs delivered twice or more. */
    public record RoomCount(long sent, long missed, long duplicated) {
    }

    /** One pair kind's 1:1 counts (kinds with no message are left out). */
    public record PairCount(long sent, long live, long late, long lost, long duplicated, long reordered) {
    }

    public HistoryRecount {
        rooms = new TreeMap<>(rooms);
        pairs = new TreeMap<>(pairs);
    }

    /** What the checker said, in the recount's shape. */
    public static HistoryRecount of(CheckResult result) {
        DirectResult d = result.direct();
        SortedMap<String, RoomCount> rooms = new TreeMap<>();
        result.rooms().forEach(room -> rooms.put(room.room(), new RoomCount(room.sent(), room.missed(), room.duplicated())));
        SortedMap<PairKind, PairCount> pairs = new TreeMap<>();
        d.pairs().forEach(p -> pairs.put(p.pair(), new PairCount(p.sent(), p.live(), p.late(), p.lost(), p.duplicated(), p.reordered())));
        return new HistoryRecount(d.sent(), d.acked(), d.live(), d.late(), d.lost(), d.lostAcked(), d.bounced(),
                d.duplicated(), d.reordered(), d.rerouted(), d.unsent(), rooms, pairs);
    }

    /** The counts recounted from HISTORY's events. */
    public static HistoryRecount of(History history) {
        // One pass collects the raw facts; the counts follow from them below.
        Map<String, Event> sends = new LinkedHashMap<>();
        Set<String> acked = new HashSet<>();
        Set<String> bounced = new HashSet<>();
        Map<String, List<Event>> receipts = new LinkedHashMap<>();
        List<Long> heals = new ArrayList<>();
        for (Event event : history.events()) {
            switch (event.kind()) {
                case SEND -> sends.putIfAbsent(event.messageId(), event);
                case SEND_ACKED -> acked.add(event.messageId());
                case BOUNCE -> bounced.add(event.messageId());
                case RECEIVE -> receipts.computeIfAbsent(event.messageId(), id -> new ArrayList<>()).add(event);
                case FAULT_HEAL -> heals.add(event.nanos());
                default -> {
                }
            }
        }
        long live = 0;
        long late = 0;
        long lost = 0;
        long lostAcked = 0;
        long lostBounced = 0;
        long duplicated = 0;
        long rerouted = 0;
        Map<String, String> entries = new HashMap<>();
        Map<String, String> domains = new HashMap<>();
        for (Event event : history.events()) {
            if (!event.entry().isEmpty() && !entries.containsKey(event.client())) {
                entries.put(event.client(), event.entry());
            }
            if (event.kind() == Event.Kind.CONNECT && event.to().contains("@") && !domains.containsKey(event.client())) {
                domains.put(event.client(), event.to().split("@", 2)[1].split("/", 2)[0]);
            }
        }
        // Per pair kind: {sent, live, late, lost, duplicated, reordered}.
        Map<PairKind, long[]> perPair = new TreeMap<>();
        for (Event send : sends.values()) {
            String id = send.messageId();
            List<Event> got = receipts.getOrDefault(id, List.of());
            long[] pair = perPair.computeIfAbsent(kind(send.from(), send.to(), entries, domains), k -> new long[6]);
            pair[0]++;
            if (got.isEmpty()) {
                lost++;
                pair[3]++;
                lostAcked += acked.contains(id) ? 1 : 0;
                lostBounced += bounced.contains(id) ? 1 : 0;
                continue;
            }
            Event first = got.get(0);
            boolean healInBetween = false;
            for (long heal : heals) {
                healInBetween |= heal > send.nanos() && heal <= first.nanos();
            }
            if (first.delayed() || healInBetween) {
                late++;
                pair[2]++;
            } else {
                live++;
                pair[1]++;
            }
            Set<String> receivers = new HashSet<>();
            boolean twice = false;
            boolean elsewhere = false;
            for (Event receive : got) {
                twice |= !receivers.add(receive.client());
                elsewhere |= !receive.client().equals(send.to());
            }
            duplicated += twice ? 1 : 0;
            pair[4] += twice ? 1 : 0;
            rerouted += elsewhere ? 1 : 0;
        }
        long unsent = receipts.keySet().stream().filter(id -> !sends.containsKey(id)).count();
        long ackedSent = sends.keySet().stream().filter(acked::contains).count();
        Map<String, Long> reordersBySenderAndAddressee = reorders(history);
        reordersBySenderAndAddressee.forEach((fromTo, count) -> {
            String[] parts = fromTo.split("\\|");
            perPair.computeIfAbsent(kind(parts[0], parts[1], entries, domains), k -> new long[6])[5] += count;
        });
        SortedMap<PairKind, PairCount> pairs = new TreeMap<>();
        perPair.forEach((kind, c) -> pairs.put(kind, new PairCount(c[0], c[1], c[2], c[3], c[4], c[5])));
        return new HistoryRecount(sends.size(), ackedSent, live, late, lost, lostAcked, lostBounced, duplicated,
                reordersBySenderAndAddressee.values().stream().mapToLong(Long::longValue).sum(), rerouted, unsent, rooms(history), pairs);
    }

    /**
     * The pair kind of a message from FROM to TO: different domains (the JIDs of their connects)
     * first, then the load balancer on either side, then one entry point or two (a client with no
     * event at all is on no entry point).
     */
    private static PairKind kind(String from, String to, Map<String, String> entries, Map<String, String> domains) {
        if (domains.containsKey(from) && domains.containsKey(to) && !domains.get(from).equals(domains.get(to))) {
            return PairKind.CROSS_DOMAIN;
        }
        String a = entries.get(from);
        String b = entries.get(to);
        if ("lb".equals(a) || "lb".equals(b)) {
            return PairKind.VIA_LB;
        }
        return a != null && a.equals(b) ? PairKind.SAME_NODE : PairKind.CROSS_NODE;
    }

    /**
     * First deliveries (per message and receiving client) that arrive after a higher sequence
     * number of the same sender, addressee and receiving client, counted per "sender|addressee".
     */
    private static Map<String, Long> reorders(History history) {
        Map<String, List<Long>> firstDeliveries = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Event receive : history.ofKind(Event.Kind.RECEIVE)) {
            if (seen.add(receive.client() + "|" + receive.messageId())) {
                firstDeliveries.computeIfAbsent(receive.from() + "|" + receive.to() + "|" + receive.client(), pair -> new ArrayList<>())
                        .add(receive.seq());
            }
        }
        Map<String, Long> reordered = new TreeMap<>();
        firstDeliveries.forEach((group, seqs) -> {
            String fromTo = group.substring(0, group.lastIndexOf('|'));
            for (int i = 1; i < seqs.size(); i++) {
                long seq = seqs.get(i);
                if (seqs.subList(0, i).stream().anyMatch(before -> before > seq)) {
                    reordered.merge(fromTo, 1L, Long::sum);
                }
            }
        });
        return reordered;
    }

    /** Per room: an occupant is due every message sent from its join until its connection drops. */
    private static SortedMap<String, RoomCount> rooms(History history) {
        Set<String> names = new TreeSet<>();
        history.ofKind(Event.Kind.GROUP_SEND, Event.Kind.ROOM_JOIN, Event.Kind.OCCUPANTS).forEach(event -> names.add(event.to()));
        SortedMap<String, RoomCount> rooms = new TreeMap<>();
        for (String room : names) {
            // Each client's stays in the room, [joined, dropped) in nanos; an open stay lasts to the end.
            Map<String, List<long[]>> stays = new HashMap<>();
            Map<String, Long> since = new HashMap<>();
            Map<String, Event> sends = new LinkedHashMap<>();
            Map<String, Integer> received = new HashMap<>();
            for (Event event : history.events()) {
                boolean here = event.to().equals(room);
                switch (event.kind()) {
                    case ROOM_JOIN -> {
                        if (here) {
                            since.putIfAbsent(event.client(), event.nanos());
                        }
                    }
                    case DISCONNECT -> {
                        Long joined = since.remove(event.client());
                        if (joined != null) {
                            stays.computeIfAbsent(event.client(), c -> new ArrayList<>()).add(new long[] {joined, event.nanos()});
                        }
                    }
                    case GROUP_SEND -> {
                        if (here) {
                            sends.putIfAbsent(event.messageId(), event);
                        }
                    }
                    case GROUP_RECEIVE -> {
                        if (here) {
                            received.merge(event.messageId() + "|" + event.client(), 1, Integer::sum);
                        }
                    }
                    default -> {
                    }
                }
            }
            since.forEach((client, joined) -> stays.computeIfAbsent(client, c -> new ArrayList<>()).add(new long[] {joined, Long.MAX_VALUE}));
            long missed = 0;
            long duplicated = 0;
            for (Event send : sends.values()) {
                for (Map.Entry<String, List<long[]>> occupant : stays.entrySet()) {
                    boolean inRoom = occupant.getValue().stream().anyMatch(stay -> stay[0] <= send.nanos() && send.nanos() < stay[1]);
                    missed += inRoom && !received.containsKey(send.messageId() + "|" + occupant.getKey()) ? 1 : 0;
                }
            }
            for (Map.Entry<String, Integer> delivery : received.entrySet()) {
                String id = delivery.getKey().substring(0, delivery.getKey().lastIndexOf('|'));
                duplicated += sends.containsKey(id) && delivery.getValue() > 1 ? 1 : 0;
            }
            rooms.put(room, new RoomCount(sends.size(), missed, duplicated));
        }
        return rooms;
    }

    /** Message ids HISTORY records more than one send of: a workload sends each id once. */
    public static Set<String> sentTwice(History history) {
        Set<String> once = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        history.ofKind(Event.Kind.SEND, Event.Kind.GROUP_SEND).forEach(send -> {
            if (!once.add(send.messageId())) {
                twice.add(send.messageId());
            }
        });
        return twice;
    }

    /**
     * Message ids clients received (1:1 or in a room) that no client tried to send (no send and
     * no failed send recorded): a delivery nobody sent.
     */
    public static Set<String> receivedButNeverSent(History history) {
        Set<String> tried = new HashSet<>();
        history.ofKind(Event.Kind.SEND, Event.Kind.GROUP_SEND, Event.Kind.SEND_FAILED).forEach(send -> tried.add(send.messageId()));
        Set<String> strangers = new TreeSet<>();
        history.ofKind(Event.Kind.RECEIVE, Event.Kind.GROUP_RECEIVE).stream().map(Event::messageId)
                .filter(id -> !tried.contains(id)).forEach(strangers::add);
        return strangers;
    }
}
