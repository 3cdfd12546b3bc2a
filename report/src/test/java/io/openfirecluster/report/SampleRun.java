package io.openfirecluster.report;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.ConsistencyChecker;
import io.openfirecluster.checker.Delivery;
import io.openfirecluster.checker.DirectResult;
import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.MessageId;
import io.openfirecluster.checker.PairKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A made-up run that looks like a real one, for the report's pictures: 14 clients on three nodes,
 * the load balancer and another domain's node, 40 messages a second for 45 s, and the node
 * "xmpp2" crashed from 12 s to 24 s (its clients back 3 s later). Messages to its clients during the crash arrive after the heal
 * from offline storage (late) or never (lost); a few arrive twice or out of order; everything
 * else arrives in milliseconds, slower across nodes, domains and the load balancer. Seeded: the
 * same every time.
 */
final class SampleRun {
    static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
    static final String FAULT = "crash-xmpp2";
    static final String ROOM = "muc1@conference.xmpp.localhost.example";
    private static final long SECOND = 1_000_000_000L;
    private static final long APPLIED = 12 * SECOND;
    private static final long HEALED = 24 * SECOND;
    private static final String[] ENTRIES = {"xmpp1", "xmpp1", "xmpp1", "xmpp2", "xmpp2", "xmpp2", "xmpp3", "xmpp3",
            "xmpp3", "lb", "lb", "lb", "otherxmpp1", "otherxmpp1"};

    private final List<Event> events = new ArrayList<>();
    /** The way each message travelled, by its send time (unique per message here): the checker cannot tell domains yet. */
    private final Map<Long, PairKind> pairs = new HashMap<>();
    private final History history;

    private final boolean fault;

    private SampleRun(long seed, boolean fault) {
        this.fault = fault;
        Random random = new Random(seed);
        Map<String, Long> seqs = new HashMap<>();
        if (fault) {
            events.add(Event.fault(APPLIED, FAULT, true));
            events.add(Event.fault(HEALED, FAULT, false));
        }
        for (int i = 0; i < ENTRIES.length; i++) {
            events.add(Event.client(SECOND / 2 + i * 1_000_000L, client(i), ENTRIES[i], Event.Kind.ROOM_JOIN, ROOM, ""));
        }
        long step = SECOND / 40;
        for (long sent = 2 * SECOND; sent < 47 * SECOND; sent += step + random.nextInt(1000)) {
            int from = random.nextInt(ENTRIES.length);
            int to = (from + 1 + random.nextInt(ENTRIES.length - 1)) % ENTRIES.length;
            if (crashed(from, sent)) {
                continue; // a crashed node's clients send nothing
            }
            MessageId id = new MessageId("run1", client(from), client(to), seqs.merge(client(from) + client(to), 1L, Long::sum));
            PairKind pair = pair(from, to);
            pairs.put(sent, pair);
            events.add(message(sent, from, Event.Kind.SEND, id, false));
            if (random.nextInt(3) > 0) {
                events.add(message(sent + 2_000_000L, from, Event.Kind.SEND_ACKED, id, false));
            }
            if (crashed(to, sent) || (crashed(to, sent + SECOND / 10) && random.nextBoolean())) {
                if (random.nextInt(5) > 0) {
                    long after = HEALED + 4 * SECOND + random.nextInt(3000) * 1_000_000L;
                    events.add(message(after, to, Event.Kind.RECEIVE, id, true));
                }
                continue;
            }
            long received = sent + latency(pair, random);
            events.add(message(received, to, Event.Kind.RECEIVE, id, false));
            if (random.nextInt(400) == 0) {
                events.add(message(received + 5_000_000L, to, Event.Kind.RECEIVE, id, false));
            }
        }
        for (long seq = 1; seq <= 40; seq++) {
            long sent = seq * SECOND;
            MessageId id = new MessageId("run1", "c01", ROOM, seq);
            events.add(Event.message(sent, "c01", "xmpp1", Event.Kind.GROUP_SEND, id, false, ""));
            for (int i = 0; i < ENTRIES.length; i++) {
                if (!crashed(i, sent)) {
                    events.add(Event.message(sent + latency(PairKind.CROSS_NODE, random), client(i), ENTRIES[i],
                            Event.Kind.GROUP_RECEIVE, id, false, ""));
                }
            }
        }
        for (long at : new long[] {5 * SECOND, 30 * SECOND, 50 * SECOND}) {
            for (String entry : List.of("xmpp1", "xmpp2", "xmpp3")) {
                List<String> nicks = new ArrayList<>();
                for (int i = 0; i < ENTRIES.length; i++) {
                    nicks.add(client(i));
                }
                events.add(Event.occupants(at, "c01", entry, ROOM, nicks));
            }
        }
        history = new History(START, events);
    }

    /** The run with the crash. */
    static SampleRun of(long seed) {
        return new SampleRun(seed, true);
    }

    /** The same traffic without a fault. */
    static SampleRun faultFree(long seed) {
        return new SampleRun(seed, false);
    }

    History history() {
        return history;
    }

    /** The checker's result, with each delivery's way as the run made it (cross domain included). */
    CheckResult result(String scenario) {
        CheckResult checked = new ConsistencyChecker().check(scenario, history);
        DirectResult direct = checked.direct();
        List<Delivery> deliveries = direct.deliveries().stream()
                .map(delivery -> new Delivery(delivery.sentNanos(), delivery.receivedNanos(),
                        pairs.getOrDefault(delivery.sentNanos(), delivery.pair()), delivery.late()))
                .toList();
        DirectResult withPairs = new DirectResult(direct.sent(), direct.acked(), direct.live(), direct.late(), direct.lost(),
                direct.lostAcked(), direct.bounced(), direct.duplicated(), direct.reordered(), direct.rerouted(), direct.unsent(),
                direct.anomalies(), direct.latency(), deliveries);
        return new CheckResult(checked.scenario(), checked.start(), checked.span(), withPairs, checked.rooms(), checked.faults());
    }

    private boolean crashed(int client, long at) {
        return fault && ENTRIES[client].equals("xmpp2") && at >= APPLIED && at < HEALED + 3 * SECOND;
    }

    private static PairKind pair(int from, int to) {
        if (ENTRIES[from].startsWith("other") != ENTRIES[to].startsWith("other")) {
            return PairKind.CROSS_DOMAIN;
        }
        if (ENTRIES[from].equals("lb") || ENTRIES[to].equals("lb")) {
            return PairKind.VIA_LB;
        }
        return ENTRIES[from].equals(ENTRIES[to]) ? PairKind.SAME_NODE : PairKind.CROSS_NODE;
    }

    /** Log-normal around a median per way, with a rare stall of a few hundred milliseconds. */
    private static long latency(PairKind pair, Random random) {
        double median = switch (pair) {
            case SAME_NODE -> 1.5;
            case CROSS_NODE -> 4;
            case VIA_LB -> 6;
            case CROSS_DOMAIN -> 12;
        };
        double millis = median * Math.exp(0.5 * random.nextGaussian());
        if (random.nextInt(200) == 0) {
            millis += 150 + random.nextInt(400);
        }
        return (long) (millis * 1_000_000);
    }

    private static String client(int index) {
        return String.format(java.util.Locale.ROOT, "c%02d", index + 1);
    }

    private Event message(long nanos, int client, Event.Kind kind, MessageId id, boolean delayed) {
        return Event.message(nanos, client(client), ENTRIES[client], kind, id, delayed, "");
    }
}
