package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the lab reads of a node's cluster, on answers captured from lab nodes (Hazelcast's REST API, the lab plugin). */
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

    /** The lab plugin's answer, captured on xmpp1 of a healthy three-node lab (one domain: no s2s). */
    private static final String VIEW = "{\"node\":\"xmpp1\",\"cluster\":{\"started\":true,\"senior\":true,"
            + "\"members\":[\"xmpp1\",\"xmpp2\",\"xmpp3\"],\"lastChange\":\"2026-12-03T08:31:19.319287965Z\"},"
            + "\"c2s\":{\"sessions\":0,\"users\":[]},\"s2s\":{\"incoming\":[],\"outgoing\":[]},"
            + "\"caches\":{\"Routing Components Cache\":4,\"Routing Failed Servers Cache\":0,\"Routing Result Listeners\":0,"
            + "\"Routing Servers Cache\":0,\"Routing User Sessions\":0,\"Routing Users Cache\":0},"
            + "\"ready\":{\"ok\":true,\"reason\":\"cluster of xmpp1,xmpp2,xmpp3, c2s open\"}}";

    @Test
    void openfireViewOfAHealthyNode() {
        OpenfireView view = OpenfireView.parse(VIEW);
        assertEquals("xmpp1", view.node());
        assertEquals(Set.of("xmpp1", "xmpp2", "xmpp3"), view.members());
        assertTrue(view.clustered() && view.ready() && view.senior());
        assertEquals(0, view.c2sSessions());
        assertEquals(List.of(), view.s2sOutgoing());
        assertEquals(4, view.caches().get("Routing Components Cache"));
        assertEquals(java.time.Instant.parse("2026-12-03T08:31:19.319287965Z"), view.lastChange());
        assertEquals("openfire xmpp1,xmpp2,xmpp3 (senior), ready", view.toString());
    }

    /** Field order is the plugin's business: the view is read by name, never by position. */
    @Test
    void openfireViewIsReadByNameInAnyOrder() {
        String reordered = "{\"ready\":{\"reason\":\"Openfire's cluster is [xmpp1], expected 3 nodes with xmpp1\",\"ok\":false},"
                + "\"s2s\":{\"outgoing\":[{\"remote\":\"other.example\",\"node\":\"xmpp1\",\"local\":\"xmpp.localhost.example\"}],"
                + "\"incoming\":[{\"here\":1,\"sessions\":2,\"domain\":\"other.example\"}]},"
                + "\"c2s\":{\"users\":[\"user1@xmpp.localhost.example/lab\"],\"sessions\":1},"
                + "\"cluster\":{\"lastChange\":\"2026-12-03T08:40:12Z\",\"members\":[\"xmpp1\"],\"senior\":true,\"started\":true},\"node\":\"xmpp1\"}";
        OpenfireView view = OpenfireView.parse(reordered);
        assertFalse(view.ready());
        assertEquals("Openfire's cluster is [xmpp1], expected 3 nodes with xmpp1", view.readiness());
        assertEquals(List.of(new OpenfireView.ServerRoute("xmpp.localhost.example", "other.example", "xmpp1")), view.s2sOutgoing());
        assertEquals(List.of(new OpenfireView.IncomingServers("other.example", 2, 1)), view.s2sIncoming());
        assertEquals(List.of("user1@xmpp.localhost.example/lab"), view.c2sUsers());
    }

    /**
     * The s2s sessions a node holds, in the plugin's words (its JSON for an outgoing session over
     * TLS authenticated by the lab CA's certificate, and an incoming one by dialback without TLS).
     */
    @Test
    void serverSessionsSayHowTheyAreSecured() {
        String view = VIEW.replace("\"s2s\":{\"incoming\":[],\"outgoing\":[]}", "\"s2s\":{\"incoming\":[],\"outgoing\":[],\"sessions\":["
                + "{\"direction\":\"outgoing\",\"local\":\"xmpp1.localhost.example\",\"remote\":[\"xmpp2.localhost.example\"],\"encrypted\":true,"
                + "\"tlsProtocol\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_256_GCM_SHA384\",\"authentication\":\"SASL_EXTERNAL\","
                + "\"peerSubject\":\"CN=xmpp2.localhost.example\",\"peerIssuer\":\"CN=openfire-cluster lab Intermediate CA,O=openfire-cluster lab\"},"
                + "{\"direction\":\"incoming\",\"local\":\"xmpp1.localhost.example\",\"remote\":[\"xmpp2.localhost.example\"],\"encrypted\":false,"
                + "\"tlsProtocol\":null,\"cipherSuite\":null,\"authentication\":\"DIALBACK\",\"peerSubject\":null,\"peerIssuer\":null}]}");
        List<OpenfireView.ServerSession> sessions = OpenfireView.parse(view).s2sSessions();
        assertEquals(new OpenfireView.ServerSession("outgoing", "xmpp1.localhost.example", List.of("xmpp2.localhost.example"), true, "TLSv1.3",
                "TLS_AES_256_GCM_SHA384", "SASL_EXTERNAL", "CN=xmpp2.localhost.example", "CN=openfire-cluster lab Intermediate CA,O=openfire-cluster lab"),
                sessions.get(0));
        assertEquals(new OpenfireView.ServerSession("incoming", "xmpp1.localhost.example", List.of("xmpp2.localhost.example"), false, "", "", "DIALBACK", "", ""),
                sessions.get(1));
        assertEquals("incoming xmpp1.localhost.example <- [xmpp2.localhost.example]: not encrypted, DIALBACK, no peer certificate", sessions.get(1).toString());
        assertEquals(List.of(), OpenfireView.parse(VIEW).s2sSessions(), "a view without sessions (an older plugin) has none");
    }

    /** A failed outgoing attempt, with Openfire's diagnosis as the plugin passes it on. */
    @Test
    void failedServersSayWhyInOpenfiresWords() {
        String view = VIEW.replace("\"s2s\":{\"incoming\":[],\"outgoing\":[]}", "\"s2s\":{\"incoming\":[],\"outgoing\":[],\"sessions\":[],\"failed\":["
                + "{\"local\":\"xmpp1.localhost.example\",\"remote\":\"xmpp2.localhost.example\",\"when\":\"2026-12-03T09:30:00Z\","
                + "\"errorType\":\"java.lang.RuntimeException\",\"errorMessage\":\"Unable to create new session\",\"log\":[\"TLS failed\"]}]}");
        OpenfireView.FailedServer failed = OpenfireView.parse(view).s2sFailed().get(0);
        assertEquals(new OpenfireView.FailedServer("xmpp1.localhost.example", "xmpp2.localhost.example", "2026-12-03T09:30:00Z",
                "java.lang.RuntimeException", "Unable to create new session", List.of("TLS failed")), failed);
        assertEquals(List.of(), OpenfireView.parse(VIEW).s2sFailed());
    }

    @Test
    void anythingButTheViewIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OpenfireView.parse("<html>404</html>"));
        assertThrows(IllegalArgumentException.class, () -> OpenfireView.parse("{\"nodeState\":\"ACTIVE\"}"));
    }

    /** The route holders of every node's view, per route; one domain and no s2s: "s2s: none". */
    @Test
    void statusNamesTheNodeHoldingEachOutgoingRoute() {
        OpenfireView none = OpenfireView.parse(VIEW);
        assertEquals("s2s: none\n", LabStatus.routes(List.of(new LabStatus.NodeRow("xmpp2", "running healthy", List.of(), java.util.Optional.of(none), List.of()))));
        OpenfireView.ServerRoute route = new OpenfireView.ServerRoute("xmpp.localhost.example", "other.example", "xmpp3");
        OpenfireView routed = new OpenfireView("xmpp3", true, false, none.members(), none.lastChange(), List.of(), List.of(), List.of(route), List.of(), List.of(), java.util.Map.of(), true, "");
        LabStatus.NodeRow row = new LabStatus.NodeRow("xmpp3", "running healthy", List.of(), java.util.Optional.of(routed), List.of());
        assertEquals("s2s route xmpp.localhost.example -> other.example: held by xmpp3\n", LabStatus.routes(List.of(row)));
        assertEquals(List.of("out:other.example"), row.s2s());
    }

    /** Two nodes whose routing tables name different holders of one route (a split brain's halves): the route is marked, the others not. */
    @Test
    void statusMarksARouteHeldTwice() {
        OpenfireView base = OpenfireView.parse(VIEW);
        OpenfireView.ServerRoute conference = new OpenfireView.ServerRoute("conference.xmpp.localhost.example", "other.example", "xmpp2");
        LabStatus.NodeRow xmpp1 = row(base, "xmpp1", List.of(new OpenfireView.ServerRoute("xmpp.localhost.example", "other.example", "xmpp1"), conference));
        LabStatus.NodeRow xmpp3 = row(base, "xmpp3", List.of(new OpenfireView.ServerRoute("xmpp.localhost.example", "other.example", "xmpp3"), conference));
        assertEquals("s2s route conference.xmpp.localhost.example -> other.example: held by xmpp2\n"
                + "s2s route xmpp.localhost.example -> other.example: held by xmpp1,xmpp3 (held twice)\n", LabStatus.routes(List.of(xmpp1, row(base, "xmpp2", List.of()), xmpp3)));
        // Seen in the 30 s after an isolation healed: the rejoining node names the holder by ID, outside its view.
        LabStatus.NodeRow rejoining = row(base, "xmpp2", List.of(new OpenfireView.ServerRoute("xmpp.localhost.example", "other.example",
                "d82452ed-c593-48c6-9467-b0e264d2d2fb")));
        assertEquals("s2s route xmpp.localhost.example -> other.example: held by d82452ed-c593-48c6-9467-b0e264d2d2fb,xmpp1 (d82452ed-c593-48c6-9467-b0e264d2d2fb:"
                + " a node some node's view of its cluster cannot name now)\n", LabStatus.routes(List.of(row(base, "xmpp1",
                List.of(new OpenfireView.ServerRoute("xmpp.localhost.example", "other.example", "xmpp1"))), rejoining)));
    }

    private static LabStatus.NodeRow row(OpenfireView base, String node, List<OpenfireView.ServerRoute> routes) {
        OpenfireView view = new OpenfireView(node, true, false, base.members(), base.lastChange(), List.of(), List.of(), routes, List.of(), List.of(),
                java.util.Map.of(), true, "");
        return new LabStatus.NodeRow(node, "running healthy", List.of(), java.util.Optional.of(view), List.of());
    }
}
