package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.control.Fault;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import java.util.List;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * lab:isolate: the last node loses its peers but keeps its clients, a real split brain with both
 * halves serving users; heal makes one cluster again. The build runs it on the lab across hosts
 * (the isolated node on a host of its own); on one host with the full suite (control's FaultsIT
 * proves the isolation's rules there).
 */
@EnabledIf(value = "io.openfirecluster.it.Suite#acrossHostsOrFull", disabledReason = "runs on the lab across hosts (cluster-it/multi-host), on one host with -Dlab.suite=full")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolateIT {
    private static FaultRun fault;

    @Test
    @Order(1)
    void isolatedNodeIsAClusterOfOneAndKeepsServingItsClients() throws Exception {
        Lab lab = Nodes.atLeast(2);
        String isolated = Nodes.last();
        try (Xmpp before = Xmpp.login("user1", isolated)) {
            fault = FaultRun.apply(lab, "isolate " + isolated, () -> lab.faults().apply(new Fault.Isolate(isolated))).noticedWhenPeersDrop(isolated);
            fault.noticedWhen(isolated + " is a cluster of 1", () -> lab.hazelcastClusterOf(java.util.List.of(isolated)));
            fault.assertActiveOn(java.util.List.of(isolated), "isolate");
            assertTrue(PingManager.getInstanceFor(before.connection).pingMyServer(), "a client on the isolated node lost its server");
            try (Xmpp after = Xmpp.loginWithin(FaultRun.settle(), "user2", isolated)) {
                assertTrue(PingManager.getInstanceFor(after.connection).pingMyServer(), "a new client on the isolated node gets no answer from it");
            }
        }
    }

    @Test
    @Order(2)
    void healMakesOneClusterAgain() {
        Nodes.atLeast(2);
        fault.healAndAwaitWhole(true);
    }

    @AfterAll
    static void wholeLab() {
        FaultRun.wholeAndUsable(Lab.get(), "IsolateIT");
    }
}
