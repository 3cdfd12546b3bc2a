package io.openfirecluster.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The room part of the check. A room delivers a message to whoever is an occupant when it is
 * sent, so an occupant is expected to receive exactly the messages sent while it was in the room:
 * from its {@link Event.Kind#ROOM_JOIN} until its connection dropped (or the history ended).
 */
final class RoomCheck {
    private final FaultTimeline faults;

    RoomCheck(FaultTimeline faults) {
        this.faults = faults;
    }

    List<RoomResult> check(History history) {
        SortedSet<String> rooms = new TreeSet<>();
        history.ofKind(Event.Kind.GROUP_SEND, Event.Kind.ROOM_JOIN, Event.Kind.OCCUPANTS).forEach(event -> rooms.add(event.to()));
        return rooms.stream().map(room -> check(history, room)).toList();
    }

    private RoomResult check(History history, String room) {
        Map<String, List<Window>> occupancy = occupancy(history, room);
        Map<String, Event> sends = new LinkedHashMap<>();
        history.ofKind(Event.Kind.GROUP_SEND).stream().filter(send -> send.to().equals(room))
                .forEach(send -> sends.putIfAbsent(send.messageId(), send));
        // message id -> occupant -> its deliveries, in time order
        Map<String, Map<String, List<Event>>> receipts = history.ofKind(Event.Kind.GROUP_RECEIVE).stream()
                .filter(receive -> receive.to().equals(room))
                .collect(Collectors.groupingBy(Event::messageId, Collectors.groupingBy(Event::client, Collectors.toList())));

        List<Anomaly> anomalies = new ArrayList<>();
        TreeMap<String, Long> missedByOccupant = new TreeMap<>();
        List<Long> latencies = new ArrayList<>();
        long duplicated = 0;
        for (Event send : sends.values()) {
            Map<String, List<Event>> byOccupant = receipts.getOrDefault(send.messageId(), Map.of());
            for (Map.Entry<String, List<Window>> occupant : occupancy.entrySet()) {
                boolean present = occupant.getValue().stream().anyMatch(window -> window.contains(send.nanos()));
                if (present && !byOccupant.containsKey(occupant.getKey())) {
                    missedByOccupant.merge(occupant.getKey(), 1L, Long::sum);
                    anomalies.add(new Anomaly(Anomaly.Kind.MISSED, send.from(), occupant.getKey(), send.seq(), send.messageId(),
                            "sent while " + occupant.getKey() + " was in " + room));
                }
            }
            for (Map.Entry<String, List<Event>> delivered : new TreeMap<>(byOccupant).entrySet()) {
                latencies.add(delivered.getValue().get(0).nanos() - send.nanos());
                if (delivered.getValue().size() > 1) {
                    duplicated++;
                    anomalies.add(new Anomaly(Anomaly.Kind.ROOM_DUPLICATED, send.from(), delivered.getKey(), send.seq(), send.messageId(),
                            "received " + delivered.getValue().size() + " times by " + delivered.getKey()));
                }
            }
        }
        long missed = missedByOccupant.values().stream().mapToLong(Long::longValue).sum();
        return new RoomResult(room, sends.size(), missed, missedByOccupant, duplicated, anomalies, Latencies.of(latencies),
                OccupantAgreement.of(history, room, faults.lastHeal()));
    }

    /** Per client, the spans it was in ROOM: from a join until its connection dropped. */
    private static Map<String, List<Window>> occupancy(History history, String room) {
        Map<String, List<Window>> occupancy = new TreeMap<>();
        Map<String, Long> joined = new HashMap<>();
        for (Event event : history.ofKind(Event.Kind.ROOM_JOIN, Event.Kind.DISCONNECT)) {
            if (event.kind() == Event.Kind.ROOM_JOIN && event.to().equals(room)) {
                joined.putIfAbsent(event.client(), event.nanos());
            } else if (event.kind() == Event.Kind.DISCONNECT && joined.containsKey(event.client())) {
                occupancy.computeIfAbsent(event.client(), client -> new ArrayList<>())
                        .add(new Window(joined.remove(event.client()), event.nanos()));
            }
        }
        joined.forEach((client, since) -> occupancy.computeIfAbsent(client, c -> new ArrayList<>()).add(new Window(since, Long.MAX_VALUE)));
        return occupancy;
    }

    /** A span [from, until) of time since the history's start. */
    private record Window(long from, long until) {
        boolean contains(long nanos) {
            return nanos >= from && nanos < until;
        }
    }
}
