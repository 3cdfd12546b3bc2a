package io.openfirecluster.checker;

/**
 * One message the checker has something to say about, for the report's per-pair lists.
 *
 * @param from      the sending client
 * @param to        the addressee: a client for 1:1 messages; for {@link Kind#MISSED} the occupant that missed it
 * @param seq       the message's sequence number (per sender and addressee, or per sender in the room)
 * @param messageId the encoded message id
 * @param detail    what exactly, e.g. "received 2 times by c07" or "seq 4 after seq 6 at c07"
 */
public record Anomaly(Kind kind, String from, String to, long seq, String messageId, String detail) {

    public enum Kind {
        /** Sent, never delivered to anyone. */
        LOST,
        /** Delivered first after a fault healed, or marked delayed (offline storage). */
        LATE,
        /** Delivered more than once to the same client. */
        DUPLICATED,
        /** Delivered to a client after a message of the same pair with a higher sequence number. */
        REORDERED,
        /** Delivered to a client other than the addressee (another resource of the same account). */
        REROUTED,
        /** Delivered, but its send was never recorded. */
        UNSENT,
        /** A room message an occupant should have received (it was in the room when it was sent) but did not. */
        MISSED,
        /** A room message an occupant received more than once. */
        ROOM_DUPLICATED
    }

    /** One line for a report: "LOST c01 -> c02 #5: acknowledged by the server". */
    public String describe() {
        return kind + " " + from + " -> " + to + " #" + seq + (detail.isEmpty() ? "" : ": " + detail);
    }
}
