package io.openfirecluster.checker;

import java.util.List;
import java.util.SortedMap;

/**
 * What the checker found for one room.
 *
 * @param room             the room's JID
 * @param sent             room messages sent
 * @param missed           deliveries that should have happened and did not: a message sent while an
 *                         occupant was in the room (from its join until its connection dropped) that
 *                         the occupant never received
 * @param missedByOccupant the missed deliveries per occupant (only occupants that missed any)
 * @param duplicated       (message, occupant) pairs delivered more than once
 * @param anomalies        the messages behind missed and duplicated
 * @param latency          latencies of every first delivery to an occupant
 * @param agreement        whether the entry points' occupant lists agree, and since when
 */
public record RoomResult(String room, long sent, long missed, SortedMap<String, Long> missedByOccupant, long duplicated,
                         List<Anomaly> anomalies, Latencies latency, Agreement agreement) {

    public RoomResult {
        anomalies = List.copyOf(anomalies);
    }
}
