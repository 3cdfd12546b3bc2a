package io.openfirecluster.it;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Split brain: xmpp3 is cut off the lab network (its holder disconnected, the node keeps running),
 * then reconnected with the same addresses. The two steps are one scenario, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionIT {
    @Test
    @Order(1)
    void cutNodeLeavesATwoNodeClusterThatStillChats() throws Exception {
        Lab lab = Lab.get();
        Report.add("partition: xmpp1 and xmpp2 saw a cluster of 2 after "
                + lab.changeAndAwaitClusterOf(List.of("xmpp1", "xmpp2"), () -> lab.network.cut("xmpp3")));
        Xmpp.assertDelivered("user1", "xmpp1", "user2", "xmpp2", Xmpp.SETTLE);
    }

    @Test
    @Order(2)
    void healedNodeRejoinsAndChatReachesIt() throws Exception {
        Lab lab = Lab.get();
        Instant heal = Instant.now();
        lab.network.heal("xmpp3");
        Lab.poll("Hazelcast merges xmpp3 back", Lab.CLUSTER_DEADLINE, () -> Lab.NODES.stream()
                .allMatch(node -> lab.clusterView(node, heal).map(view -> view.size() == Lab.NODES.size()).orElse(false)));
        Report.add("heal: Hazelcast had merged the three nodes after " + Report.seconds(heal, Instant.now()));
        lab.awaitClusterOf(Lab.NODES, heal);
        Report.add("heal: Openfire on all nodes was a cluster of 3 again after " + Report.seconds(heal, Instant.now()));
        Xmpp.assertDelivered("user1", "xmpp1", "user2", "xmpp3", Xmpp.SETTLE);
    }

    /** Whatever happened above, the next test class gets the whole cluster back. */
    @AfterAll
    static void wholeClusterAgain() {
        Lab lab = Lab.get();
        if (!lab.network.isConnected("xmpp3")) {
            lab.changeAndAwaitClusterOf(Lab.NODES, () -> lab.network.heal("xmpp3"));
        }
    }
}
