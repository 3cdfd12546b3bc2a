package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.control.OpenfireView;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every node sees the same members, all the lab's nodes: Hazelcast at the nodes' addresses in the
 * lab's preferred family, and Openfire, in its own view (the lab plugin), by the nodes' names.
 */
class ClusterMembershipIT {
    @Test
    void everyNodeListsAllNodesAtTheirPreferredAddresses() {
        Lab lab = Lab.get();
        // IPv6 preferred in a dual-stack lab, IPv4 otherwise.
        Set<String> expected = new TreeSet<>(lab.nodes().stream().map(lab::memberAddress).toList());
        for (String node : lab.nodes()) {
            assertEquals(expected, lab.memberAddresses(node), node + "'s view of the cluster");
        }
        Report.add("Hazelcast members: " + expected);
    }

    /**
     * Openfire on every node names every node as a member of its cluster, whichever joined first:
     * a node that joins after the senior member never logs the senior's join, so a view read from
     * the log left the senior out (lab:status once showed "xmpp2 ... xmpp2,xmpp3").
     */
    @Test
    void everyNodesOpenfireNamesAllNodesInItsCluster() {
        Lab lab = Lab.get();
        for (String node : lab.nodes()) {
            OpenfireView view = lab.openfireView(node).orElseThrow(() -> new AssertionError(node + ": the lab plugin does not answer"));
            assertEquals(node, view.node());
            assertTrue(view.clustered(), node + ": Openfire says clustering has not started");
            assertEquals(new TreeSet<>(lab.nodes()), view.members(), node + "'s Openfire view of the cluster");
        }
        long seniors = lab.nodes().stream().filter(node -> lab.openfireView(node).orElseThrow().senior()).count();
        assertEquals(1, seniors, "senior members among " + lab.nodes());
    }

    /** A lab of one domain has no server-to-server sessions and no outgoing server routes, and the node says so in that shape. */
    @Test
    void aOneDomainLabHasNoServerToServerSessionsOrRoutes() {
        Lab lab = Lab.get();
        for (String node : lab.nodes()) {
            OpenfireView view = lab.openfireView(node).orElseThrow();
            assertEquals(List.of(), view.s2sIncoming(), node + ": incoming s2s");
            assertEquals(List.of(), view.s2sOutgoing(), node + ": outgoing server routes");
            assertEquals(0, view.caches().get("Routing Servers Cache"), node + ": the routing table's server routes cache");
        }
    }

    /** A client logged in on a node is among that node's client sessions in Openfire's view, and no other node's. */
    @Test
    void aLoggedInClientIsAmongItsNodesSessionsOnly() throws Exception {
        Lab lab = Lab.get();
        String node = Nodes.first();
        try (Xmpp session = Xmpp.login(lab, "user1", node)) {
            String user = session.connection.getUser().toString();
            assertTrue(lab.openfireView(node).orElseThrow().c2sUsers().contains(user), node + " does not list " + user);
            for (String other : Nodes.allBut(node)) {
                assertFalse(lab.openfireView(other).orElseThrow().c2sUsers().contains(user), other + " lists " + user + " as its own");
            }
        }
    }
}
