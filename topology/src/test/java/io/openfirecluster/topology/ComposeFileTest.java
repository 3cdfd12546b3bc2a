package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docker:start runs exactly the topology's services: one compose service per node, in its holder. */
class ComposeFileTest {
    private static Topology lab(String nodes) {
        List<LabService> services = Topology.withNodes(List.of(
                new LabService("db", 11, "", "5432:5432").run("lab/db:1", "postgres", "", ""),
                new LabService("lb", 99, "", "55222:55222").run("lab/lb:1", "nginx", "", "")),
                NodeTemplateTest.XMPP, nodes);
        return new Topology("openfire-cluster", "172.60.0.0/24", null, "127.0.0.1", "localhost.example", services).validate();
    }

    @Test
    void everyNodeRunsInItsHolderAfterTheDatabaseIsHealthy() {
        String compose = ComposeFile.render(lab("5"));
        for (int i = 1; i <= 5; i++) {
            assertTrue(compose.contains("  xmpp" + i + "-openfire:\n    image: \"lab/openfire:1\"\n    network_mode: \"container:openfire-cluster-xmpp" + i + "\""), compose);
        }
        assertFalse(compose.contains("xmpp6"), compose);
        assertTrue(compose.contains("      LAB_NODES: \"5\"\n      DB_HOST: \"db\"\n    depends_on:\n      db-postgres:\n        condition: service_healthy\n"), compose);
    }

    @Test
    void aSelectionRunsOnlyItsServicesAndCountsOnlyItsNodes() {
        Topology one = lab("3").select(List.of("db", "xmpp1"));
        String compose = ComposeFile.render(one);
        assertTrue(compose.contains("xmpp1-openfire") && compose.contains("LAB_NODES: \"1\""), compose);
        assertFalse(compose.contains("xmpp2") || compose.contains("nginx"), compose);
        assertEquals(List.of("xmpp1"), one.nodeNames());
    }

    @Test
    void anUnresolvedMavenExpressionIsRefused() {
        Topology lab = new Topology("lab", "172.60.0.0/24", null, "127.0.0.1", "x",
                List.of(new LabService("db", 11, "", "").run("${db.image}", "postgres", "", ""))).validate();
        assertTrue(assertThrows(LabException.class, () -> ComposeFile.render(lab)).getMessage().contains("still holds a Maven expression"));
    }

    @Test
    void resolvedTopologyKnowsTheNodesAndContainers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Topology lab = lab("4");
        java.nio.file.Path path = dir.resolve("topology.properties");
        ResolvedTopology.write(lab, path);
        ResolvedTopology resolved = ResolvedTopology.load(path);
        assertEquals(List.of("xmpp1", "xmpp2", "xmpp3", "xmpp4"), resolved.nodes());
        assertEquals("openfire-cluster-xmpp4-openfire", resolved.container("xmpp4"));
        assertEquals(5224, resolved.hostPort("xmpp4", 5222));
        assertEquals(ComposeFile.render(lab), ComposeFile.render(resolved.topology()));
    }
}
