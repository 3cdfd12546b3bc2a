package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 1:1 counts per kind of pair, from made-up histories: which clients are on which entry point
 * and domain comes from their connects, and a pair of two domains is cross domain whatever the
 * entry points (the load balancer included).
 */
class PairBreakdownTest {
    private static final String HOME = "xmpp.localhost.example";
    private static final String OTHER = "otherxmpp.localhost.example";

    /** c01, c02 on xmpp1, c03 on xmpp2, c04 on the load balancer (all HOME); c05 on otherxmpp (OTHER). */
    private static HistoryBuilder lab() {
        return new HistoryBuilder()
                .connect(0, "c01", "xmpp1", "user1@" + HOME + "/c01")
                .connect(0, "c02", "xmpp1", "user2@" + HOME + "/c02")
                .connect(0, "c03", "xmpp2", "user1@" + HOME + "/c03")
                .connect(0, "c04", "lb", "user2@" + HOME + "/c04")
                .connect(0, "c05", "otherxmpp", "user1@" + OTHER + "/c05");
    }

    @Test
    void eachMessageCountsInThePairOfItsSenderAndAddressee() {
        History history = lab()
                .send(10, "c01", "c02", 1).receive(12, "c02", "c01", "c02", 1)                 // same node, 2 ms
                .send(20, "c01", "c03", 1).receive(25, "c03", "c01", "c03", 1)                 // cross node, 5 ms
                .receive(26, "c03", "c01", "c03", 1)                                            // ... delivered twice
                .send(30, "c01", "c04", 1).receive(37, "c04", "c01", "c04", 1)                 // via the load balancer
                .send(40, "c04", "c05", 1).receive(80, "c05", "c04", "c05", 1)                 // lb to otherxmpp: cross domain, 40 ms
                .send(50, "c05", "c01", 1)                                                      // cross domain, lost
                .send(60, "c05", "c03", 1).send(61, "c05", "c03", 2)
                .receive(90, "c03", "c05", "c03", 2).receive(91, "c03", "c05", "c03", 1)       // cross domain, reordered
                .fault(100, "crash-route (xmpp2)", true).fault(200, "crash-route (xmpp2)", false)
                .send(150, "c03", "c05", 1).receive(250, "c05", "c03", "c05", 1)               // cross domain, late (after the heal)
                .build();

        DirectResult direct = new ConsistencyChecker().check("pairs", history).direct();

        assertEquals(List.of(PairKind.SAME_NODE, PairKind.CROSS_NODE, PairKind.CROSS_DOMAIN, PairKind.VIA_LB),
                direct.pairs().stream().map(PairResult::pair).toList(), "one result per kind that occurred, in PairKind's order");
        assertCounts(direct, PairKind.SAME_NODE, 1, 1, 0, 0, 0, 0);
        assertCounts(direct, PairKind.CROSS_NODE, 1, 1, 0, 0, 1, 0);
        assertCounts(direct, PairKind.VIA_LB, 1, 1, 0, 0, 0, 0);
        assertCounts(direct, PairKind.CROSS_DOMAIN, 5, 3, 1, 1, 0, 1);
        assertEquals(Duration.ofMillis(2), direct.pair(PairKind.SAME_NODE).orElseThrow().latency().max());
        assertEquals(Duration.ofMillis(40), direct.pair(PairKind.CROSS_DOMAIN).orElseThrow().latency().max(), "late deliveries have no live latency");
        assertEquals(3, direct.pair(PairKind.CROSS_DOMAIN).orElseThrow().latency().count());
        assertEquals(List.of(PairKind.SAME_NODE, PairKind.CROSS_NODE, PairKind.VIA_LB, PairKind.CROSS_DOMAIN, PairKind.CROSS_DOMAIN,
                PairKind.CROSS_DOMAIN, PairKind.CROSS_DOMAIN), direct.deliveries().stream().map(Delivery::pair).toList(),
                "every delivery is of its message's pair");
        assertEquals(direct.sent(), direct.pairs().stream().mapToLong(PairResult::sent).sum());
        assertEquals(direct.lost(), direct.pairs().stream().mapToLong(PairResult::lost).sum());
        assertEquals(HistoryRecount.of(history), HistoryRecount.of(new ConsistencyChecker().check("pairs", history)),
                "the recount classifies the pairs the same way by its own code");
    }

    @Test
    void aHistoryWithoutBoundJidsHasNoCrossDomainPairs() {
        // Before connects kept the JID, only entry points were known: otherxmpp is then just another entry point.
        History history = new HistoryBuilder()
                .add(Event.client(0, "c01", "xmpp1", Event.Kind.CONNECT, "", "new session"))
                .add(Event.client(0, "c05", "otherxmpp", Event.Kind.CONNECT, "", "new session"))
                .add(Event.message(HistoryBuilder.nanos(10), "c01", "xmpp1", Event.Kind.SEND, new MessageId(HistoryBuilder.RUN, "c01", "c05", 1), false, ""))
                .build();
        DirectResult direct = new ConsistencyChecker().check("old", history).direct();
        assertEquals(List.of(PairKind.CROSS_NODE), direct.pairs().stream().map(PairResult::pair).toList());
        assertEquals(1, direct.pair(PairKind.CROSS_NODE).orElseThrow().lost());
    }

    @Test
    void aClientThatNeverConnectedIsOnNoNode() {
        History history = lab().send(10, "c01", "c09", 1).build();
        assertEquals(Optional.of(PairKind.CROSS_NODE), new ConsistencyChecker().check("ghost", history).direct().pairs().stream()
                .map(PairResult::pair).findFirst());
    }

    @Test
    void theBoundJidsDomainIsReadFromTheConnect() {
        assertEquals(OTHER, Event.connect(0, "c05", "otherxmpp", "user1@" + OTHER + "/c05").jidDomain());
        assertEquals(HOME, Event.connect(0, "c01", "xmpp1", "user1@" + HOME).jidDomain());
        assertEquals("", Event.client(0, "c01", "xmpp1", Event.Kind.CONNECT, "", "new session").jidDomain());
    }

    private static void assertCounts(DirectResult direct, PairKind kind, long sent, long live, long late, long lost, long duplicated, long reordered) {
        PairResult pair = direct.pair(kind).orElseThrow(() -> new AssertionError("no " + kind.label() + " pair in " + direct.pairs()));
        assertEquals(List.of(sent, live, late, lost, duplicated, reordered),
                List.of(pair.sent(), pair.live(), pair.late(), pair.lost(), pair.duplicated(), pair.reordered()), kind.label());
    }
}
