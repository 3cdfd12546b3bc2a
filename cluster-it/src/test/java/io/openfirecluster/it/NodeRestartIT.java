package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A node goes down and comes back: the load balancer routes around it, and it rejoins. One scenario, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeRestartIT {
    /** How long the nodes may take to serve logins again after membership changed (see Xmpp.loginWithin). */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Test
    @Order(1)
    void loginsThroughTheLoadBalancerSucceedWhileXmpp2IsDown() throws Exception {
        Lab lab = Lab.get();
        Instant stop = Instant.now();
        lab.stop("xmpp2");
        lab.awaitClusterOf(List.of("xmpp1", "xmpp3"), stop);
        for (int i = 0; i < 9; i++) {
            try (Xmpp session = i == 0 ? Xmpp.loginWithin(SETTLE, "user1", "lb") : Xmpp.login("user1", "lb")) {
                assertTrue(session.connection.isAuthenticated(), "login " + i + " through the load balancer failed");
            }
        }
    }

    @Test
    @Order(2)
    void restartedXmpp2RejoinsAndServesLogins() throws Exception {
        Lab lab = Lab.get();
        Instant start = Instant.now();
        lab.start("xmpp2");
        lab.awaitClusterOf(Lab.NODES, start);
        Report.add("restart: xmpp2 was back in a cluster of 3 after " + Report.seconds(start, Instant.now()));
        try (Xmpp session = Xmpp.loginWithin(SETTLE, "user2", "xmpp2")) {
            assertTrue(session.connection.isAuthenticated());
        }
    }

    @AfterAll
    static void wholeClusterAgain() {
        Lab lab = Lab.get();
        if (!lab.network.docker().inspectContainerCmd(lab.container("xmpp2")).exec().getState().getRunning()) {
            Instant start = Instant.now();
            lab.start("xmpp2");
            lab.awaitClusterOf(Lab.NODES, start);
        }
    }
}
