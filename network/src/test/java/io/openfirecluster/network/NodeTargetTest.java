package io.openfirecluster.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.LabException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTargetTest {
    private static final String OTHER = "otherxmpp.localhost.example";

    @Test
    void aNodeNamedDirectlyIsNotResolved() {
        List<String> asked = new ArrayList<>();
        NodeTarget node = NodeTarget.of(" xmpp2 ", target -> {
            asked.add(target);
            return "xmpp9";
        });
        assertEquals(new NodeTarget("xmpp2", ""), node);
        assertEquals("xmpp2", node.toString());
        assertEquals(List.of(), asked, "a node's name needs no routing table");
    }

    @Test
    void aRouteIsResolvedToItsHolderAndReportedByName() {
        List<String> asked = new ArrayList<>();
        NodeTarget node = NodeTarget.of(" route:" + OTHER + " ", target -> {
            asked.add(target);
            return "xmpp2";
        });
        assertEquals(List.of("route:" + OTHER), asked);
        assertEquals(new NodeTarget("xmpp2", OTHER), node);
        assertEquals("xmpp2, the holder of the route to " + OTHER, node.toString());
    }

    @Test
    void aRouteNoNodeHoldsStopsWithTheResolversLine() {
        String message = assertThrows(LabException.class, () -> NodeTarget.of("route:" + OTHER, target -> {
            throw new LabException("no node holds an outgoing route to " + OTHER + " now: send a message there first");
        })).getMessage();
        assertTrue(message.startsWith("no node holds an outgoing route to " + OTHER), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    @Test
    void aBlankNameIsLeftForTheFaultToRefuse() {
        assertEquals(new NodeTarget(null, ""), NodeTarget.of(null, target -> "xmpp1"));
        assertEquals(new NodeTarget("", ""), NodeTarget.of("  ", target -> "xmpp1"));
    }

    @Test
    void startAndResumeTakeTheNodesOwnNameNotARoute() {
        assertEquals("xmpp2", new StartMojo().nodeByName("xmpp2", "start"));
        String message = assertThrows(LabException.class, () -> new ResumeMojo().nodeByName("route:" + OTHER, "resume")).getMessage();
        assertEquals("lab.service=route:" + OTHER + ": lab:resume takes the node's own name (a node that is down holds no route); lab:status lists the nodes", message);
    }
}
