package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node goes down and comes back: the load balancer routes around it, and it rejoins. One
 * scenario, in order, on the last node (the rest keep serving).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeRestartIT {
    @Test
    @Order(1)
    void loginsThroughTheLoadBalancerSucceedWhileANodeIsDown() throws Exception {
        Lab lab = Nodes.atLeast(2);
        String node = Nodes.last();
        lab.changeAndAwaitClusterOf(Nodes.allBut(node), () -> lab.stop(node));
        for (int i = 0; i < 3 * lab.nodes().size(); i++) {
            try (Xmpp session = i == 0 ? Xmpp.loginWithin(Xmpp.SETTLE, "user1", "lb") : Xmpp.login("user1", "lb")) {
                assertTrue(PingManager.getInstanceFor(session.connection).pingMyServer(), "login " + i + " through the load balancer: its node does not answer");
            }
        }
    }

    @Test
    @Order(2)
    void restartedNodeRejoinsAndServesLogins() throws Exception {
        Lab lab = Nodes.atLeast(2);
        String node = Nodes.last();
        Report.add("restart: " + node + " was back in a cluster of " + lab.nodes().size() + " after "
                + lab.changeAndAwaitClusterOf(lab.nodes(), () -> lab.start(node)));
        try (Xmpp session = Xmpp.loginWithin(Xmpp.SETTLE, "user2", node)) {
            assertTrue(PingManager.getInstanceFor(session.connection).pingMyServer(), "the restarted " + node + " does not answer its client");
        }
    }

    @AfterAll
    static void wholeClusterAgain() {
        Lab lab = Lab.get();
        String node = Nodes.last();
        if (!lab.state(node).running()) {
            lab.changeAndAwaitClusterOf(lab.nodes(), () -> lab.start(node));
        }
        FaultRun.wholeAndUsable(lab, "NodeRestartIT");
    }
}
