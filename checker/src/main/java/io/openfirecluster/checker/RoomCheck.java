package io.openfirecluster.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The room part of the check. A room delivers a message to whoever is an occupant when it is
 * sent, so an occupant is expected to receive exactly the messages sent while it was in the room:
 * from its {@link Event.Kind#ROOM_JOIN} until its connection dropped (or the history ended).
 * Events come one at a time, in time order; the state is per room message (its send and who got
 * it), per occupant (the spans it was in the room) and per entry point (its occupant list).
 */
final class RoomCheck {
    /** Per room JID, in order of the JID; a room only received in (no send, join or occupant list) is left out of the result. */
    private final Map<String, Room> rooms = new TreeMap<>();

    void observe(Event event) {
        switch (event.kind()) {
            case GROUP_SEND -> room(event.to(), true).sent(event);
            case GROUP_RECEIVE -> room(event.to(), false).received(event);
            case ROOM_JOIN -> room(event.to(), true).joined(event);
            case OCCUPANTS -> room(event.to(), true).agreement.observe(event);
            case DISCONNECT -> rooms.values().forEach(room -> room.disconnected(event));
            default -> {
            }
        }
    }

    List<RoomResult> results(OptionalLong lastHeal) {
        return rooms.values().stream().filter(room -> room.mentioned).map(room -> room.result(lastHeal)).toList();
    }

    private Room room(String jid, boolean mentioned) {
        Room room = rooms.computeIfAbsent(jid, Room::new);
        room.mentioned |= mentioned;
        return room;
    }

    /** One room message: its first send (null until it is seen) and, per occupant, its first delivery and how many. */
    private static final class RoomMessage {
        Event send;
        final Map<String, long[]> firstNanosAndCount = new HashMap<>(4);
    }

    private static final class Room {
        final String jid;
        final OccupantAgreement agreement;
        boolean mentioned;
        /** By message id; a message's place is its first send or receive, the sends are listed in send order. */
        final Map<String, RoomMessage> messages = new HashMap<>();
        final List<RoomMessage> sendOrder = new ArrayList<>();
        /** Per client, the spans it was in the room; and since when it is in it now. */
        final Map<String, List<Window>> occupancy = new TreeMap<>();
        final Map<String, Long> joined = new LinkedHashMap<>();

        Room(String jid) {
            this.jid = jid;
            this.agreement = new OccupantAgreement(jid);
        }

        void sent(Event send) {
            RoomMessage message = messages.computeIfAbsent(send.messageId(), id -> new RoomMessage());
            if (message.send == null) {
                message.send = send;
                sendOrder.add(message);
            }
        }

        void received(Event receive) {
            long[] delivered = messages.computeIfAbsent(receive.messageId(), id -> new RoomMessage())
                    .firstNanosAndCount.computeIfAbsent(receive.client(), client -> new long[] {receive.nanos(), 0});
            delivered[1]++;
        }

        void joined(Event join) {
            joined.putIfAbsent(join.client(), join.nanos());
        }

        void disconnected(Event disconnect) {
            Long since = joined.remove(disconnect.client());
            if (since != null) {
                occupancy.computeIfAbsent(disconnect.client(), client -> new ArrayList<>()).add(new Window(since, disconnect.nanos()));
            }
            agreement.observe(disconnect);
        }

        RoomResult result(OptionalLong lastHeal) {
            Map<String, List<Window>> spans = new TreeMap<>(occupancy);
            joined.forEach((client, since) -> spans.computeIfAbsent(client, c -> new ArrayList<>()).add(new Window(since, Long.MAX_VALUE)));
            List<Anomaly> anomalies = new ArrayList<>();
            TreeMap<String, Long> missedByOccupant = new TreeMap<>();
            List<Long> latencies = new ArrayList<>();
            long duplicated = 0;
            for (RoomMessage message : sendOrder) {
                Event send = message.send;
                for (Map.Entry<String, List<Window>> occupant : spans.entrySet()) {
                    boolean present = occupant.getValue().stream().anyMatch(window -> window.contains(send.nanos()));
                    if (present && !message.firstNanosAndCount.containsKey(occupant.getKey())) {
                        missedByOccupant.merge(occupant.getKey(), 1L, Long::sum);
                        anomalies.add(new Anomaly(Anomaly.Kind.MISSED, send.from(), occupant.getKey(), send.seq(), send.messageId(),
                                "sent while " + occupant.getKey() + " was in " + jid));
                    }
                }
                for (Map.Entry<String, long[]> delivered : new TreeMap<>(message.firstNanosAndCount).entrySet()) {
                    latencies.add(delivered.getValue()[0] - send.nanos());
                    if (delivered.getValue()[1] > 1) {
                        duplicated++;
                        anomalies.add(new Anomaly(Anomaly.Kind.ROOM_DUPLICATED, send.from(), delivered.getKey(), send.seq(), send.messageId(),
                                "received " + delivered.getValue()[1] + " times by " + delivered.getKey()));
                    }
                }
            }
            long missed = missedByOccupant.values().stream().mapToLong(Long::longValue).sum();
            return new RoomResult(jid, sendOrder.size(), missed, missedByOccupant, duplicated, anomalies, Latencies.of(latencies),
                    agreement.result(lastHeal));
        }
    }

    /** A span [from, until) of time since the history's start. */
    private record Window(long from, long until) {
        boolean contains(long nanos) {
            return nanos >= from && nanos < until;
        }
    }
}
