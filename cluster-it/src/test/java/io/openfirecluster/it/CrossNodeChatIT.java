package io.openfirecluster.it;

import io.openfirecluster.topology.Format;
import io.openfirecluster.testsupport.Xmpp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jivesoftware.smack.StanzaCollector;
import org.junit.jupiter.api.Test;

/** Chat between users on different nodes is routed through the cluster, in both directions. */
class CrossNodeChatIT {
    @Test
    void messageFromUserOnTheFirstNodeReachesUserOnTheLast() throws Exception {
        Nodes.atLeast(2);
        Xmpp.assertDelivered("user1", Nodes.first(), "user2", Nodes.last(), Duration.ZERO);
    }

    @Test
    void replyFromUserOnTheLastNodeReachesUserOnTheFirst() throws Exception {
        Nodes.atLeast(2);
        Xmpp.assertDelivered("user2", Nodes.last(), "user1", Nodes.first(), Duration.ZERO);
    }

    /** Twenty round trips first node → last node → first node all arrive; their median time goes to the report. */
    @Test
    void twentyRoundTripsBetweenTheFirstAndTheLastNodeAllArrive() throws Exception {
        Nodes.atLeast(2);
        String first = Nodes.first();
        String last = Nodes.last();
        try (Xmpp user1 = Xmpp.login("user1", first); Xmpp user2 = Xmpp.login("user2", last)) {
            user1.awaitAvailable(user2);
            user2.awaitAvailable(user1);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String ping = "ping " + i + " " + UUID.randomUUID();
                StanzaCollector atUser2 = user2.messagesFrom("user1");
                StanzaCollector atUser1 = user1.messagesFrom("user2");
                long start = System.nanoTime();
                user1.send("user2", ping);
                Xmpp.await(atUser2, ping, Xmpp.DELIVERY);
                user2.send("user1", "pong " + ping);
                Xmpp.await(atUser1, "pong " + ping, Xmpp.DELIVERY);
                micros.add((System.nanoTime() - start) / 1000);
            }
            Collections.sort(micros);
            Report.add("cross-node chat round trip " + first + "->" + last + "->" + first + ": median of 20 " + Format.decimal((micros.get(9) + micros.get(10)) / 2000.0)
                    + " ms (min " + Format.decimal(micros.get(0) / 1000.0) + ", max " + Format.decimal(micros.get(19) / 1000.0) + ")");
        }
    }
}
