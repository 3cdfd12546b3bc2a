package io.openfirecluster.checker;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happened during a run, as the workload (or the scenario runner) saw it. The record
 * is flat on purpose: every kind uses the same fields, unused ones are "" or 0, so the history is a
 * plain table that reads and writes as JSON without a schema per kind.
 *
 * @param nanos     when, in nanoseconds since the history's start (a monotonic clock: wall clocks jump)
 * @param client    who recorded it: a workload client ("c07"), or {@link #LAB} for faults
 * @param entry     the entry point the client is connected to ("xmpp1", "lb"), "" when none
 * @param kind      what happened
 * @param from      the sending client of a message ("" for other kinds)
 * @param to        the addressee: a client id for 1:1 messages, the room JID for room messages and
 *                  room events, the other client for {@link Kind#PRESENCE}; for {@link Kind#CONNECT}
 *                  the full JID the server bound (user@domain/resource, "" in histories recorded
 *                  before it was kept): its domain is the client's XMPP domain, which tells
 *                  messages across domains from those within one (see {@link #jidDomain()})
 * @param seq       the message's sequence number: per sender and addressee for 1:1 messages, per
 *                  sender in the room for room messages; 0 for other kinds
 * @param messageId the encoded {@link MessageId} ("" for other kinds); receives are matched to
 *                  sends by it alone, never by JID (a message to an offline resource may reach
 *                  another resource of the same account)
 * @param delayed   for receives: the stanza carried an XEP-0203 delay (offline storage, history)
 * @param detail    free text per kind: the fault's description, the reason of a disconnect or a
 *                  failed send, the comma-separated occupant nicknames of {@link Kind#OCCUPANTS},
 *                  "available"/"unavailable" for {@link Kind#PRESENCE}
 */
public record Event(long nanos, String client, String entry, Kind kind, String from, String to, long seq,
                    String messageId, boolean delayed, String detail) {

    /** The client name of events the scenario runner records (faults). */
    public static final String LAB = "lab";

    public enum Kind {
        /** A client's connection is authenticated (to: the bound full JID; detail: "new session"). */
        CONNECT,
        /** A client's connection dropped (detail: the error); the workload's own close at the end is not recorded. */
        DISCONNECT,
        /** A client entered the room (its own presence came back from the room). */
        ROOM_JOIN,
        /** A 1:1 message: sendStanza returned on an authenticated connection. */
        SEND,
        /** A 1:1 or room message the client could not hand to its connection; it is not counted as sent. */
        SEND_FAILED,
        /** The server acknowledged a message (XEP-0198 stream management ack). */
        SEND_ACKED,
        /** A 1:1 message arrived at a client. */
        RECEIVE,
        /** An error reply to a 1:1 or room message came back to its sender. */
        BOUNCE,
        /** A room message: sendStanza returned on an authenticated connection. */
        GROUP_SEND,
        /** A room message arrived at an occupant (the sender included: the room reflects it). */
        GROUP_RECEIVE,
        /** A client saw another client's presence change (detail: available or unavailable). */
        PRESENCE,
        /** The room's occupants as seen from the client's entry point at that time (detail: nicknames). */
        OCCUPANTS,
        /** The scenario runner applied a fault (detail: its description). */
        FAULT_APPLY,
        /** The scenario runner healed a fault (detail: the same description as its apply). */
        FAULT_HEAL
    }

    public Event {
        Objects.requireNonNull(kind, "kind");
        client = Objects.requireNonNullElse(client, "");
        entry = Objects.requireNonNullElse(entry, "");
        from = Objects.requireNonNullElse(from, "");
        to = Objects.requireNonNullElse(to, "");
        messageId = Objects.requireNonNullElse(messageId, "");
        detail = Objects.requireNonNullElse(detail, "");
    }

    /** A message event (send, ack, receive, bounce, failed send; 1:1 or room) about message ID. */
    public static Event message(long nanos, String client, String entry, Kind kind, MessageId id, boolean delayed, String detail) {
        return new Event(nanos, client, entry, kind, id.from(), id.to(), id.seq(), id.encode(), delayed, detail);
    }

    /** A client event without a message: connect, disconnect (detail: why), room join (to: the room). */
    public static Event client(long nanos, String client, String entry, Kind kind, String to, String detail) {
        return new Event(nanos, client, entry, kind, "", to, 0, "", false, detail);
    }

    /** CLIENT logged in on ENTRY, bound to the full JID JID. */
    public static Event connect(long nanos, String client, String entry, String jid) {
        return client(nanos, client, entry, Kind.CONNECT, jid, "new session");
    }

    public static Event presence(long nanos, String client, String entry, String other, boolean available) {
        return client(nanos, client, entry, Kind.PRESENCE, other, available ? "available" : "unavailable");
    }

    /** The occupants of ROOM as CLIENT on ENTRY sees them (their nicknames, in any order). */
    public static Event occupants(long nanos, String client, String entry, String room, Collection<String> nicknames) {
        return client(nanos, client, entry, Kind.OCCUPANTS, room, String.join(",", nicknames.stream().sorted().toList()));
    }

    public static Event fault(long nanos, String description, boolean applied) {
        return client(nanos, LAB, "", applied ? Kind.FAULT_APPLY : Kind.FAULT_HEAL, "", description);
    }

    /**
     * The domain of the JID in {@link #to()} (user@domain/resource): for a {@link Kind#CONNECT}, the
     * client's XMPP domain; "" when there is none (a history recorded before connects kept the JID).
     */
    public String jidDomain() {
        int at = to.indexOf('@');
        if (at < 0) {
            return "";
        }
        int slash = to.indexOf('/', at);
        return slash < 0 ? to.substring(at + 1) : to.substring(at + 1, slash);
    }

    /** The nicknames of an {@link Kind#OCCUPANTS} event, sorted. */
    public List<String> occupantNicknames() {
        return detail.isEmpty() ? List.of() : List.of(detail.split(","));
    }
}
