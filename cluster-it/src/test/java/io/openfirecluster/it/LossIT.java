package io.openfirecluster.it;

import io.openfirecluster.control.Fault;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.control.Wait;
import io.openfirecluster.testsupport.Xmpp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.jivesoftware.smack.StanzaCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * lab:loss 20%: a fifth of the last node's packets to and from its peers are lost. What the
 * cluster does is measured and reported (membership seen every half second, cross-node chat that
 * arrived), not assumed; the test asks that the fault was on and that heal leaves a whole cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LossIT {
    private static final Duration WINDOW = Duration.ofSeconds(20);
    private static FaultRun fault;

    @Test
    @Order(1)
    void lossyNodeIsMeasuredForTwentySeconds() throws Exception {
        Lab lab = Nodes.atLeast(2);
        String lossy = Nodes.last();
        String peer = Nodes.first();
        fault = FaultRun.apply(lab, "loss 20% " + lossy, () -> lab.faults().apply(new Fault.Loss(lossy, 20)));
        fault.assertActiveOn(List.of(lossy), "loss 20%");
        TreeMap<Integer, Integer> sizesSeen = new TreeMap<>();
        int sent = 0;
        int arrived = 0;
        try (Xmpp sender = Xmpp.loginWithin(FaultRun.settle(), "user1", peer); Xmpp receiver = Xmpp.loginWithin(FaultRun.settle(), "user2", lossy)) {
            Instant end = Instant.now().plus(WINDOW);
            while (Instant.now().isBefore(end)) {
                lab.health(lossy).ifPresent(h -> sizesSeen.merge(h.clusterSize(), 1, Integer::sum));
                String body = "lossy " + sent;
                StanzaCollector inbox = receiver.messagesFrom("user1");
                sender.send("user2", body);
                sent++;
                try {
                    Xmpp.await(inbox, body, Duration.ofMillis(500));
                    arrived++;
                } catch (AssertionError late) {
                    // counted as not arrived within half a second
                }
            }
        }
        Report.add(String.format("fault loss 20%% on %s for %d s: cross-node chat %s->%s %d of %d arrived within 0.5 s; %s's cluster size seen (size=times) %s",
                lossy, WINDOW.toSeconds(), peer, lossy, arrived, sent, lossy, sizesSeen));
    }

    @Test
    @Order(2)
    void healLeavesAWholeCluster() {
        Nodes.atLeast(2);
        fault.healAndAwaitWhole(false);
    }

    @AfterAll
    static void wholeLab() {
        FaultRun.wholeAndUsable(Lab.get(), "LossIT");
    }
}
