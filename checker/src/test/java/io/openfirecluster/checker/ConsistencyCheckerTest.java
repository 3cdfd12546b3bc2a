package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsistencyCheckerTest {
    private final ConsistencyChecker checker = new ConsistencyChecker();

    @Test
    void cleanHistoryHasNoAnomalies() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).acked(2, "c01", "c02", 1).receive(5, "c02", "c01", "c02", 1)
                .send(10, "c01", "c02", 2).receive(14, "c02", "c01", "c02", 2)
                .send(12, "c02", "c01", 1).receive(20, "c01", "c02", "c01", 1)
                .build();
        CheckResult result = check("clean", history);

        assertEquals(3, result.sent());
        assertEquals(3, result.live());
        assertEquals(0, result.late());
        assertEquals(0, result.lost());
        assertEquals(0, result.duplicated());
        assertEquals(0, result.reordered());
        assertEquals(1, result.direct().acked());
        assertTrue(result.direct().anomalies().isEmpty(), "anomalies: " + result.direct().anomalies());
        assertEquals(3, result.direct().latency().count());
        assertEquals(Duration.ofMillis(8), result.direct().latency().max());
    }

    @Test
    void messageNeverDeliveredIsLostAndSaysWhetherTheServerAckedIt() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).receive(5, "c02", "c01", "c02", 1)
                .send(10, "c01", "c02", 2).acked(11, "c01", "c02", 2)
                .build();
        CheckResult result = check("loss", history);

        assertEquals(2, result.sent());
        assertEquals(1, result.lost());
        assertEquals(1, result.direct().lostAcked());
        assertEquals(0, result.direct().bounced());
        Anomaly lost = only(result.direct().anomalies(), Anomaly.Kind.LOST);
        assertEquals(HistoryBuilder.id("c01", "c02", 2), lost.messageId());
        assertEquals("acknowledged by the server", lost.detail());
    }

    @Test
    void bouncedMessageIsLostWithItsError() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).bounce(3, "c01", "c02", 1, "service-unavailable")
                .build();
        CheckResult result = check("bounce", history);

        assertEquals(1, result.lost());
        assertEquals(1, result.direct().bounced());
        assertEquals("bounced: service-unavailable", only(result.direct().anomalies(), Anomaly.Kind.LOST).detail());
    }

    @Test
    void messageDeliveredTwiceToTheSameClientIsOneLiveAndOneDuplicate() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).receive(5, "c02", "c01", "c02", 1).receive(900, "c02", "c01", "c02", 1)
                .build();
        CheckResult result = check("duplicate", history);

        assertEquals(1, result.sent());
        assertEquals(1, result.live());
        assertEquals(1, result.duplicated());
        assertEquals(0, result.reordered(), "a repeated delivery is a duplicate, not a reorder");
        assertEquals("received 2 times by c02", only(result.direct().anomalies(), Anomaly.Kind.DUPLICATED).detail());
    }

    @Test
    void lowerSequenceNumberAfterAHigherOneIsAReorder() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).send(1, "c01", "c02", 2).send(2, "c01", "c02", 3)
                .receive(5, "c02", "c01", "c02", 1).receive(6, "c02", "c01", "c02", 3).receive(7, "c02", "c01", "c02", 2)
                .build();
        CheckResult result = check("reorder", history);

        assertEquals(3, result.live());
        assertEquals(1, result.reordered());
        Anomaly reorder = only(result.direct().anomalies(), Anomaly.Kind.REORDERED);
        assertEquals(2, reorder.seq());
        assertEquals("seq 2 after seq 3 at c02", reorder.detail());
    }

    @Test
    void sequencesArePerPairSoInterleavedSendersAreNotReorders() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c03", 5).send(0, "c02", "c03", 1)
                .receive(5, "c03", "c01", "c03", 5).receive(6, "c03", "c02", "c03", 1)
                .build();
        assertEquals(0, check("pairs", history).reordered());
    }

    @Test
    void deliveryAcrossAHealIsLateAndDelayedMarkIsLateToo() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).receive(4, "c02", "c01", "c02", 1)
                .fault(1_000, "cut xmpp3", true)
                .send(2_000, "c01", "c03", 1)
                .fault(5_000, "cut xmpp3", false)
                .receive(7_000, "c03", "c01", "c03", 1)
                .send(8_000, "c01", "c02", 2).delayedReceive(9_000, "c02", "c01", "c02", 2)
                .build();
        CheckResult result = check("late", history);

        assertEquals(3, result.sent());
        assertEquals(1, result.live());
        assertEquals(2, result.late());
        assertEquals(0, result.lost());
        List<Anomaly> late = all(result.direct().anomalies(), Anomaly.Kind.LATE);
        assertEquals("after a heal, 5.0 s after its send", late.get(0).detail());
        assertEquals("delayed (offline storage), 1.0 s after its send", late.get(1).detail());
        assertEquals(1, result.direct().latency().count(), "only live deliveries have a latency");
    }

    @Test
    void deliveryToAnotherResourceCountsAsDeliveredAndRerouted() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).delayedReceive(50, "c04", "c01", "c02", 1)
                .build();
        CheckResult result = check("rerouted", history);

        assertEquals(0, result.lost());
        assertEquals(1, result.late());
        assertEquals(1, result.direct().rerouted());
        assertEquals("received by c04", only(result.direct().anomalies(), Anomaly.Kind.REROUTED).detail());
    }

    @Test
    void deliveryWithoutARecordedSendIsReportedNotCounted() {
        History history = new HistoryBuilder().receive(5, "c02", "c01", "c02", 9).build();
        CheckResult result = check("unsent", history);

        assertEquals(0, result.sent());
        assertEquals(1, result.direct().unsent());
    }

    @Test
    void roomMessagesMissedByAnOccupantThatWasInTheRoom() {
        History history = new HistoryBuilder()
                .join(0, "c01").join(0, "c02").join(0, "c03")
                .groupSend(100, "c01", 1)
                .groupReceive(110, "c01", "c01", 1).groupReceive(111, "c02", "c01", 1).groupReceive(112, "c03", "c01", 1)
                .groupSend(200, "c02", 1)
                .groupReceive(210, "c01", "c02", 1).groupReceive(211, "c02", "c02", 1)
                .disconnect(300, "c03")
                .groupSend(400, "c01", 2)
                .groupReceive(410, "c01", "c01", 2).groupReceive(411, "c02", "c01", 2)
                .build();
        RoomResult room = check("room", history).rooms().get(0);

        assertEquals(HistoryBuilder.ROOM, room.room());
        assertEquals(3, room.sent());
        assertEquals(1, room.missed(), "c03 missed c02's message; the one sent after c03 dropped was not due to it");
        assertEquals(Map.of("c03", 1L), room.missedByOccupant());
        Anomaly missed = only(room.anomalies(), Anomaly.Kind.MISSED);
        assertEquals("c02", missed.from());
        assertEquals("c03", missed.to());
        assertEquals(0, room.duplicated());
        assertEquals(7, room.latency().count());
    }

    /** The edges of the windows: a stay in the room is [join, drop), a heal at the very receive makes it late. */
    @Test
    void windowsIncludeTheirStartAndExcludeTheirEnd() {
        History history = new HistoryBuilder()
                .join(100, "c01").join(100, "c02")
                .groupSend(100, "c01", 1).groupReceive(110, "c01", "c01", 1)
                .disconnect(200, "c02")
                .groupSend(200, "c01", 2).groupReceive(210, "c01", "c01", 2)
                .send(300, "c01", "c02", 1).fault(300, "cut xmpp2", false).fault(400, "cut xmpp2", false)
                .receive(400, "c02", "c01", "c02", 1)
                .build();
        CheckResult result = check("edges", history);

        assertEquals(Map.of("c02", 1L), result.rooms().get(0).missedByOccupant(), "due the message sent as it joined, not the one sent as it dropped");
        assertEquals(1, result.late(), "healed at the instant of the receive, not at the instant of the send");
    }

    @Test
    void roomMessageDeliveredTwiceToAnOccupantIsARoomDuplicate() {
        History history = new HistoryBuilder()
                .join(0, "c01").join(0, "c02")
                .groupSend(100, "c01", 1)
                .groupReceive(110, "c01", "c01", 1).groupReceive(111, "c02", "c01", 1).groupReceive(500, "c02", "c01", 1)
                .build();
        RoomResult room = check("room duplicate", history).rooms().get(0);

        assertEquals(1, room.duplicated());
        assertEquals(0, room.missed());
    }

    @Test
    void occupantListsThatAgreeOnlyAfterTheHealReportHowLongItTook() {
        History history = new HistoryBuilder()
                .occupants(0, "xmpp1", "c01", "c01", "c02", "c03").occupants(0, "xmpp2", "c02", "c01", "c02", "c03")
                .occupants(0, "xmpp3", "c03", "c01", "c02", "c03")
                .fault(1_000, "cut xmpp3", true)
                .occupants(2_000, "xmpp1", "c01", "c01", "c02").occupants(2_100, "xmpp2", "c02", "c01", "c02")
                .fault(10_000, "cut xmpp3", false)
                .occupants(11_000, "xmpp1", "c01", "c01", "c02", "c03")
                .occupants(13_000, "xmpp2", "c02", "c01", "c02", "c03")
                .build();
        CheckResult result = check("views", history);
        Agreement agreement = result.rooms().get(0).agreement();

        assertEquals(Agreement.Status.AGREE, agreement.status());
        assertEquals(Duration.ofSeconds(10), agreement.reference());
        assertEquals(Optional.of(Duration.ofSeconds(3)), agreement.agreeAfter());
        assertEquals(Optional.of(Duration.ofSeconds(3)), result.roomsAgreeAfter());
        assertTrue(result.summaryLine().endsWith("; rooms agree after 3.0 s"), result.summaryLine());
    }

    @Test
    void occupantListsThatAgreedThroughTheFaultAgreeRightAfterTheHeal() {
        History history = new HistoryBuilder()
                .occupants(0, "xmpp1", "c01", "c01", "c02").occupants(0, "xmpp2", "c02", "c01", "c02")
                .fault(1_000, "stop xmpp3", true).fault(2_000, "stop xmpp3", false)
                .build();
        assertEquals(Optional.of(Duration.ZERO), check("steady", history).roomsAgreeAfter());
    }

    @Test
    void occupantListsStillDifferentAtTheEndDisagree() {
        History history = new HistoryBuilder()
                .fault(1_000, "cut xmpp3", true).fault(2_000, "cut xmpp3", false)
                .occupants(3_000, "xmpp1", "c01", "c01", "c02").occupants(3_000, "xmpp3", "c03", "c01", "c02", "c03")
                .build();
        CheckResult result = check("split", history);

        assertEquals(Agreement.Status.DISAGREE, result.rooms().get(0).agreement().status());
        assertEquals(Optional.empty(), result.roomsAgreeAfter());
        assertTrue(result.summaryLine().endsWith("; rooms disagree"), result.summaryLine());
    }

    @Test
    void viewOfAnObserverThatLostItsConnectionNoLongerCounts() {
        History history = new HistoryBuilder()
                .occupants(0, "xmpp1", "c01", "c01", "c02", "c03").occupants(0, "xmpp3", "c03", "c01", "c02", "c03")
                .occupants(4_000, "xmpp1", "c01", "c01", "c02")
                .disconnect(5_000, "c03")
                .build();
        Agreement agreement = check("observer gone", history).rooms().get(0).agreement();

        assertEquals(Agreement.Status.AGREE, agreement.status());
        assertEquals(Duration.ofSeconds(5), agreement.converged());
        assertEquals(List.of("xmpp1"), List.copyOf(agreement.finalViews().keySet()));
    }

    @Test
    void historyWithoutRoomsSaysSo() {
        CheckResult result = check("no room", new HistoryBuilder().send(0, "c01", "c02", 1).build());
        assertTrue(result.rooms().isEmpty());
        assertEquals("[report] consistency no room: 1 sent, 1 lost, 0 duplicated, 0 reordered, 0 late; rooms not observed",
                result.summaryLine());
    }

    @Test
    void faultTimelineIsWhatTheHistoryRecorded() {
        History history = new HistoryBuilder()
                .fault(1_000, "cut xmpp3", true).fault(2_000, "stop xmpp2", true)
                .fault(4_000, "cut xmpp3", false)
                .fault(9_000, "restart lb", false)
                .build();
        List<FaultWindow> faults = check("faults", history).faults();

        assertEquals(List.of(
                new FaultWindow("cut xmpp3", Optional.of(Duration.ofSeconds(1)), Optional.of(Duration.ofSeconds(4))),
                new FaultWindow("stop xmpp2", Optional.of(Duration.ofSeconds(2)), Optional.empty()),
                new FaultWindow("restart lb", Optional.empty(), Optional.of(Duration.ofSeconds(9)))), faults);
    }

    @Test
    void summaryLineHasTheAgreedFormat() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).receive(5, "c02", "c01", "c02", 1).receive(6, "c02", "c01", "c02", 1)
                .send(1, "c01", "c02", 2)
                .occupants(0, "xmpp1", "c01", "c01")
                .build();
        assertEquals("[report] consistency partition: 2 sent, 1 lost, 1 duplicated, 0 reordered, 0 late; rooms agree after 0.0 s",
                check("partition", history).summaryLine());
    }

    /**
     * A seeded, random-ish history with every kind of delivery (none, once, repeatedly, to other
     * clients, before and after heals, delayed): the checker's counts are what the generator did,
     * and what a recount of the events says (see {@link #check}).
     */
    @Test
    void countsAreWhatTheGeneratorDidOnARandomHistory() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            HistoryBuilder builder = new HistoryBuilder();
            List<String> clients = List.of("c01", "c02", "c03", "c04", "c05");
            List<Long> heals = new ArrayList<>();
            for (int fault = 0; fault < 3; fault++) {
                long applied = 10_000L * fault + random.nextInt(3_000);
                long healed = applied + 1 + random.nextInt(5_000);
                builder.fault(applied, "fault " + fault, true).fault(healed, "fault " + fault, false);
                heals.add(healed);
            }
            Map<String, Long> sequences = new HashMap<>();
            int sent = 0;
            int lost = 0;
            int live = 0;
            int late = 0;
            int duplicated = 0;
            for (int i = 0; i < 500; i++) {
                String from = clients.get(random.nextInt(clients.size()));
                String to = clients.get(random.nextInt(clients.size()));
                long seq = sequences.merge(from + to, 1L, Long::sum);
                long at = random.nextInt(30_000);
                builder.send(at, from, to, seq);
                sent++;
                int deliveries = random.nextInt(10) == 0 ? 0 : 1 + (random.nextInt(8) == 0 ? 1 : 0);
                if (deliveries == 0) {
                    lost++;
                }
                Set<String> receivers = new HashSet<>();
                boolean duplicate = false;
                long firstAt = Long.MAX_VALUE;
                boolean firstDelayed = false;
                for (int d = 0; d < deliveries; d++) {
                    String receiver = random.nextInt(10) == 0 ? clients.get(random.nextInt(clients.size())) : to;
                    duplicate |= !receivers.add(receiver);
                    long when = at + random.nextInt(random.nextInt(5) == 0 ? 10_000 : 200);
                    boolean delayed = random.nextInt(6) == 0;
                    if (delayed) {
                        builder.delayedReceive(when, receiver, from, to, seq);
                    } else {
                        builder.receive(when, receiver, from, to, seq);
                    }
                    if (when < firstAt) { // the earliest delivery is the first; of two at once, the one made first
                        firstAt = when;
                        firstDelayed = delayed;
                    }
                }
                if (deliveries > 0) {
                    long first = firstAt;
                    boolean acrossAHeal = heals.stream().anyMatch(heal -> heal > at && heal <= first);
                    if (firstDelayed || acrossAHeal) {
                        late++;
                    } else {
                        live++;
                    }
                }
                duplicated += duplicate ? 1 : 0;
            }
            CheckResult result = check("random " + seed, builder.build());

            assertEquals(sent, result.sent(), "seed " + seed);
            assertEquals(lost, result.lost(), "seed " + seed);
            assertEquals(live, result.live(), "seed " + seed);
            assertEquals(late, result.late(), "seed " + seed);
            assertEquals(duplicated, result.duplicated(), "seed " + seed);
            assertFalse(late == 0 || live == 0, "seed " + seed + " should exercise both: " + result.summaryLine());
        }
    }

    /**
     * Why the tests compare with a recount: a checker that swapped live and late would still have
     * sent = live + late + lost, but not the recount's numbers.
     */
    @Test
    void recountCatchesWhatTheSumCannot() {
        History history = new HistoryBuilder()
                .send(0, "c01", "c02", 1).receive(5, "c02", "c01", "c02", 1)
                .send(10, "c01", "c02", 2).receive(15, "c02", "c01", "c02", 2)
                .send(20, "c01", "c02", 3).delayedReceive(900, "c02", "c01", "c02", 3)
                .build();
        CheckResult right = check("late", history);
        DirectResult d = right.direct();
        DirectResult swapped = new DirectResult(d.sent(), d.acked(), d.late(), d.live(), d.lost(), d.lostAcked(), d.bounced(),
                d.duplicated(), d.reordered(), d.rerouted(), d.unsent(), d.anomalies(), d.latency(), d.deliveries());
        CheckResult wrong = new CheckResult(right.scenario(), right.start(), right.span(), swapped, right.rooms(), right.faults());

        assertEquals(wrong.sent(), wrong.live() + wrong.late() + wrong.lost(), "the sum holds for the wrong counts too");
        assertNotEquals(HistoryRecount.of(history), HistoryRecount.of(wrong));
    }

    /**
     * The checker's verdict on HISTORY, after checking that a recount of its events by other code
     * ({@link HistoryRecount}) has the same counts.
     */
    private CheckResult check(String scenario, History history) {
        CheckResult result = checker.check(scenario, history);
        assertEquals(HistoryRecount.of(history), HistoryRecount.of(result), scenario + ": the recount of the history");
        return result;
    }

    private static Anomaly only(List<Anomaly> anomalies, Anomaly.Kind kind) {
        List<Anomaly> matching = all(anomalies, kind);
        assertEquals(1, matching.size(), kind + " anomalies: " + anomalies);
        return matching.get(0);
    }

    private static List<Anomaly> all(List<Anomaly> anomalies, Anomaly.Kind kind) {
        return anomalies.stream().filter(anomaly -> anomaly.kind() == kind).toList();
    }

    @Test
    void eventsOutOfTimeOrderAreRefused() {
        List<Event> events = List.of(
                Event.message(HistoryBuilder.nanos(5), "c01", "xmpp1", Event.Kind.SEND, new MessageId(HistoryBuilder.RUN, "c01", "c02", 1), false, ""),
                Event.message(HistoryBuilder.nanos(3), "c02", "xmpp1", Event.Kind.RECEIVE, new MessageId(HistoryBuilder.RUN, "c01", "c02", 1), false, ""));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ConsistencyChecker().check("s", HistoryBuilder.START, events.iterator()));
        assertTrue(error.getMessage().startsWith("the history is not in time order: event 2 (RECEIVE of c02"), error.getMessage());
    }
}
