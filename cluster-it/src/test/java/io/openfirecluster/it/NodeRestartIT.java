package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A node goes down and comes back: the load balancer routes around it, and it rejoins. One scenario, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeRestartIT {
    @Test
    @Order(1)
    void loginsThroughTheLoadBalancerSucceedWhileXmpp2IsDown() throws Exception {
        Lab lab = Lab.get();
        lab.changeAndAwaitClusterOf(List.of("xmpp1", "xmpp3"), () -> lab.stop("xmpp2"));
        for (int i = 0; i < 9; i++) {
            try (Xmpp session = i == 0 ? Xmpp.loginWithin(Xmpp.SETTLE, "user1", "lb") : Xmpp.login("user1", "lb")) {
                assertTrue(session.connection.isAuthenticated(), "login " + i + " through the load balancer failed");
            }
        }
    }

    @Test
    @Order(2)
    void restartedXmpp2RejoinsAndServesLogins() throws Exception {
        Lab lab = Lab.get();
        Report.add("restart: xmpp2 was back in a cluster of 3 after " + lab.changeAndAwaitClusterOf(Lab.NODES, () -> lab.start("xmpp2")));
        try (Xmpp session = Xmpp.loginWithin(Xmpp.SETTLE, "user2", "xmpp2")) {
            assertTrue(session.connection.isAuthenticated());
        }
    }

    @AfterAll
    static void wholeClusterAgain() {
        Lab lab = Lab.get();
        if (!lab.network.docker().inspectContainerCmd(lab.container("xmpp2")).exec().getState().getRunning()) {
            lab.changeAndAwaitClusterOf(Lab.NODES, () -> lab.start("xmpp2"));
        }
    }
}
