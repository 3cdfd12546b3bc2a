package io.openfirecluster.it;

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
    void messageFromUserOnXmpp1ReachesUserOnXmpp3() throws Exception {
        Xmpp.assertDelivered("user1", "xmpp1", "user2", "xmpp3", Duration.ZERO);
    }

    @Test
    void replyFromUserOnXmpp3ReachesUserOnXmpp1() throws Exception {
        Xmpp.assertDelivered("user2", "xmpp3", "user1", "xmpp1", Duration.ZERO);
    }

    /** Twenty round trips xmpp1 → xmpp3 → xmpp1 all arrive; their median time goes to the report. */
    @Test
    void twentyRoundTripsBetweenXmpp1AndXmpp3AllArrive() throws Exception {
        try (Xmpp user1 = Xmpp.login("user1", "xmpp1"); Xmpp user2 = Xmpp.login("user2", "xmpp3")) {
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
            Report.add(String.format("cross-node chat round trip xmpp1->xmpp3->xmpp1: median of 20 %.1f ms (min %.1f, max %.1f)",
                    (micros.get(9) + micros.get(10)) / 2000.0, micros.get(0) / 1000.0, micros.get(19) / 1000.0));
        }
    }
}
