package io.openfirecluster.checker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Made-up histories for the tests (this module's and, through its test jar, the workload's and the report's), in milliseconds since the start; clients are on entry "xmpp1" unless a connect put them elsewhere. */
public final class HistoryBuilder {
    public static final String RUN = "run1";
    public static final String ROOM = "muc1@conference.xmpp.localhost.example";
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ENTRY = "xmpp1";

    private final List<Event> events = new ArrayList<>();
    private final Map<String, String> entries = new HashMap<>();

    /** CLIENT logged in on ENTRY as JID (user@domain/resource); its later events are on ENTRY. */
    public HistoryBuilder connect(long ms, String client, String entry, String jid) {
        entries.put(client, entry);
        return add(Event.connect(nanos(ms), client, entry, jid));
    }

    public HistoryBuilder send(long ms, String from, String to, long seq) {
        return message(ms, from, Event.Kind.SEND, from, to, seq, false, "");
    }

    public HistoryBuilder acked(long ms, String from, String to, long seq) {
        return message(ms, from, Event.Kind.SEND_ACKED, from, to, seq, false, "");
    }

    public HistoryBuilder bounce(long ms, String from, String to, long seq, String why) {
        return message(ms, from, Event.Kind.BOUNCE, from, to, seq, false, why);
    }

    /** CLIENT received FROM's message #SEQ to TO. */
    public HistoryBuilder receive(long ms, String client, String from, String to, long seq) {
        return message(ms, client, Event.Kind.RECEIVE, from, to, seq, false, "");
    }

    /** Like {@link #receive}, with an XEP-0203 delay mark (offline storage). */
    public HistoryBuilder delayedReceive(long ms, String client, String from, String to, long seq) {
        return message(ms, client, Event.Kind.RECEIVE, from, to, seq, true, "");
    }

    public HistoryBuilder groupSend(long ms, String from, long seq) {
        return message(ms, from, Event.Kind.GROUP_SEND, from, ROOM, seq, false, "");
    }

    public HistoryBuilder groupReceive(long ms, String client, String from, long seq) {
        return message(ms, client, Event.Kind.GROUP_RECEIVE, from, ROOM, seq, false, "");
    }

    public HistoryBuilder join(long ms, String client) {
        return add(Event.client(nanos(ms), client, ENTRY, Event.Kind.ROOM_JOIN, ROOM, ""));
    }

    public HistoryBuilder disconnect(long ms, String client) {
        return add(Event.client(nanos(ms), client, ENTRY, Event.Kind.DISCONNECT, "", "SocketException: reset"));
    }

    /** ENTRY's view of the room's occupants, recorded by CLIENT. */
    public HistoryBuilder occupants(long ms, String entry, String client, String... nicknames) {
        return add(Event.occupants(nanos(ms), client, entry, ROOM, List.of(nicknames)));
    }

    public HistoryBuilder fault(long ms, String description, boolean applied) {
        return add(Event.fault(nanos(ms), description, applied));
    }

    public HistoryBuilder add(Event event) {
        events.add(event);
        return this;
    }

    public History build() {
        return new History(START, events);
    }

    public static String id(String from, String to, long seq) {
        return new MessageId(RUN, from, to, seq).encode();
    }

    public static long nanos(long ms) {
        return ms * 1_000_000;
    }

    private HistoryBuilder message(long ms, String client, Event.Kind kind, String from, String to, long seq, boolean delayed, String detail) {
        return add(Event.message(nanos(ms), client, entries.getOrDefault(client, ENTRY), kind, new MessageId(RUN, from, to, seq), delayed, detail));
    }
}
