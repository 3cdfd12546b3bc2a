package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the lab reads of a node's cluster, on answers and log lines captured from lab nodes. */
class ClusterStateParsingTest {
    @Test
    void healthOfAThreeNodeCluster() {
        ClusterHealth health = ClusterHealth.parse(
                "{\"nodeState\":\"ACTIVE\",\"clusterState\":\"ACTIVE\",\"clusterSafe\":true,\"migrationQueueSize\":0,\"clusterSize\":3}").orElseThrow();
        assertTrue(health.isClusterOf(3));
        assertFalse(health.isClusterOf(2));
    }

    @Test
    void unsafeOrPassiveIsNotACluster() {
        assertFalse(ClusterHealth.parse("{\"nodeState\":\"ACTIVE\",\"clusterSafe\":false,\"clusterSize\":3}").orElseThrow().isClusterOf(3));
        assertFalse(ClusterHealth.parse("{\"nodeState\":\"PASSIVE\",\"clusterSafe\":true,\"clusterSize\":3}").orElseThrow().isClusterOf(3));
        assertTrue(ClusterHealth.parse("").isEmpty());
        assertTrue(ClusterHealth.parse("<html>404</html>").isEmpty());
        assertTrue(ClusterHealth.parse("{\"nodeState\":\"ACTIVE\"}").isEmpty(), "no size: not a health answer");
    }

    /** Fields in any order, spaces and nesting as JSON allows: only the names count. */
    @Test
    void healthIsReadWhateverTheKeyOrder() {
        ClusterHealth health = ClusterHealth.parse("{ \"clusterSize\" : 2, \"details\": {\"clusterSize\": 9},\n"
                + " \"clusterSafe\": true, \"clusterState\": \"ACTIVE\", \"nodeState\": \"ACTIVE\" }").orElseThrow();
        assertEquals(new ClusterHealth("ACTIVE", "ACTIVE", true, 2), health);
        assertTrue(health.isClusterOf(2));
    }

    @Test
    void membersInTheRestClusterAnswer() {
        // Captured from a lab node (dual-stack addresses as Hazelcast writes them).
        String answer = "{\"members\":[{\"address\":\"[172.60.0.10]:5701\",\"liteMember\":false,\"localMember\":true,"
                + "\"uuid\":\"fecf85f3-75dd-4c57-af37-8800e99c7e88\",\"memberVersion\":\"5.5.0\"},"
                + "{\"address\":\"[172.60.0.20]:5701\",\"liteMember\":false,\"localMember\":false,\"uuid\":\"6a0c\",\"memberVersion\":\"5.5.0\"},"
                + "{\"address\":\"[fd23:d79:d076:0:0:0:0:30]:5701\",\"liteMember\":false,\"localMember\":false,\"uuid\":\"9b1d\",\"memberVersion\":\"5.5.0\"}],"
                + "\"connectionCount\":2,\"allConnectionCount\":6}";
        assertEquals(List.of("172.60.0.10", "172.60.0.20", "fd23:d79:d076:0:0:0:0:30"), HazelcastMembers.parse(answer));
        assertEquals(List.of(), HazelcastMembers.parse("not a member list"));
    }

    @Test
    void membersWhateverTheKeyOrder() {
        String answer = "{\"connectionCount\":1, \"members\": [ {\"uuid\":\"9b1d\", \"address\" : \"[172.60.0.20]:5701\"},\n"
                + "{\"localMember\":true,\"address\":\"[fd23:d79:d076:0:0:0:0:10]:5701\"} ]}";
        assertEquals(List.of("172.60.0.20", "fd23:d79:d076:0:0:0:0:10"), HazelcastMembers.parse(answer));
        assertEquals(List.of(), HazelcastMembers.parse("{\"members\":[]}"));
    }

    private static final String T = "2026-11-26T20:00:00.000000000Z ";

    @Test
    void openfireViewFollowsJoinsAndLeaves() {
        List<String> lines = List.of(
                T + "entrypoint: node xmpp1.localhost.example, cluster members <member>172.60.0.10</member>",
                T + "2026-11-26 20:00:10.000 INFO  [hz]: org.jivesoftware.openfire.cluster.ClusterMonitor - This node (a1b2/xmpp1.localhost.example) has joined the cluster [seniorMember: xmpp1]",
                T + "2026-11-26 20:00:12.000 INFO  [hz]: org.jivesoftware.openfire.cluster.ClusterMonitor - Another node (c3d4/xmpp2.localhost.example (172.60.0.20)) has joined the cluster [seniorMember: xmpp1]",
                T + "2026-11-26 20:00:13.000 INFO  [hz]: org.jivesoftware.openfire.cluster.ClusterMonitor - Another node (e5f6/xmpp3.localhost.example (172.60.0.30)) has joined the cluster [seniorMember: xmpp1]",
                T + "2026-11-26 20:01:00.000 INFO  [hz]: org.jivesoftware.openfire.cluster.ClusterMonitor - Another node (e5f6/xmpp3.localhost.example (172.60.0.30)) has left the cluster [seniorMember: xmpp1]");
        assertEquals(Set.of("xmpp1", "xmpp2", "xmpp3"), OpenfireClusterEvents.knownNodes(lines.subList(0, 4)));
        assertEquals(Set.of("xmpp1", "xmpp2"), OpenfireClusterEvents.knownNodes(lines));
    }

    @Test
    void aRestartForgetsEverything() {
        List<String> lines = List.of(
                T + "ClusterMonitor - This node (a1b2/xmpp2.localhost.example) has joined the cluster",
                T + "entrypoint: node xmpp2.localhost.example, cluster members ...");
        assertEquals(Set.of(), OpenfireClusterEvents.knownNodes(lines));
    }

    /** A node that joins before its name is known is logged as "<unknown>": its own log names its id. */
    @Test
    void anUnknownNodeIsNamedByItsId() {
        List<String> xmpp1 = List.of(T + "ClusterMonitor - This node (a1b2/xmpp1.localhost.example) has joined the cluster [seniorMember=xmpp1.localhost.example (172.60.0.10)]",
                T + "ClusterMonitor - Another node (c3d4/<unknown>) has joined the cluster [seniorMember=xmpp1.localhost.example (172.60.0.10)]");
        List<String> xmpp2 = List.of(T + "ClusterMonitor - This node (c3d4/xmpp2.localhost.example) has joined the cluster");
        assertEquals(Set.of("xmpp1", "c3d4"), OpenfireClusterEvents.knownNodes(xmpp1));
        assertEquals(Set.of("xmpp1", "xmpp2"), OpenfireClusterEvents.knownNodes(xmpp1, OpenfireClusterEvents.nodeIds(xmpp2)));
    }
}
