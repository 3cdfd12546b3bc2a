package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker:start runs exactly the topology's services: one compose service per node, in its holder. */
class ComposeFileTest {
    private static Topology lab(String nodes) {
        List<LabService> services = Topology.withNodes(List.of(
                new LabService("db", 11, List.of(), List.of("5432:5432")).run("lab/db:1", "postgres", List.of(), Map.of()),
                new LabService("lb", 99, List.of(), List.of("55222:55222")).run("lab/lb:1", "nginx", List.of(), Map.of())),
                NodeTemplateTest.XMPP, nodes);
        return new Topology("openfire-cluster", "172.60.0.0/24", null, "127.0.0.1", "localhost.example", services).validate();
    }

    /** The compose file as docker-compose (and the docker-maven-plugin) reads it. */
    private static JsonNode parsed(String compose) throws Exception {
        return ComposeFile.YAML.readTree(compose);
    }

    @Test
    void everyNodeRunsInItsHolderAfterTheDatabaseIsHealthy() throws Exception {
        JsonNode services = parsed(ComposeFile.render(lab("5"))).get("services");
        for (int i = 1; i <= 5; i++) {
            JsonNode node = services.get("xmpp" + i + "-openfire");
            assertEquals("lab/openfire:1", node.get("image").asText());
            assertEquals("container:openfire-cluster-xmpp" + i, node.get("network_mode").asText());
            assertEquals("5", node.get("environment").get("LAB_NODES").textValue(), "a string, as compose wants it");
            assertEquals("db", node.get("environment").get("DB_HOST").asText());
            assertEquals("service_healthy", node.get("depends_on").get("db-postgres").get("condition").asText());
        }
        assertFalse(services.has("xmpp6-openfire"));
        assertEquals(List.of("db-postgres", "lb-nginx", "xmpp1-openfire", "xmpp2-openfire", "xmpp3-openfire", "xmpp4-openfire", "xmpp5-openfire"),
                List.copyOf(iterable(services.fieldNames())));
    }

    @Test
    void aSelectionRunsOnlyItsServicesAndCountsOnlyItsNodes() throws Exception {
        Topology one = lab("3").select(List.of("db", "xmpp1"));
        JsonNode services = parsed(ComposeFile.render(one)).get("services");
        assertEquals(List.of("db-postgres", "xmpp1-openfire"), List.copyOf(iterable(services.fieldNames())));
        assertEquals("1", services.get("xmpp1-openfire").get("environment").get("LAB_NODES").asText());
        assertEquals(List.of("xmpp1"), one.nodeNames());
    }

    /** A node's certificates arrive read-only where its entrypoint looks; no other service mounts anything. */
    @Test
    void aNodeMountsWhatItIsGiven() throws Exception {
        String mount = "/lab/target/lab/certs/xmpp.localhost.example:" + LabCertificates.NODE_DIRECTORY + ":ro";
        JsonNode services = parsed(ComposeFile.render(lab("2"), Map.of(), Map.of("xmpp1", List.of(mount)))).get("services");
        assertEquals(mount, services.get("xmpp1-openfire").get("volumes").get(0).asText());
        assertFalse(services.get("xmpp2-openfire").has("volumes"));
        assertFalse(services.get("db-postgres").has("volumes"));
    }

    /** A comma, quotes, a newline, a '$' and non-ASCII arrive in the container's environment as given. */
    @Test
    void everyValueArrivesIntact() throws Exception {
        String nasty = "a, b \"c\" 'd'\nsecond line: $HOME \\ é # not a comment";
        Topology lab = new Topology("lab", "172.60.0.0/24", null, "127.0.0.1", "x",
                List.of(new LabService("db", 11, List.of(), List.of()).run("lab/db:1", "postgres", List.of(), Map.of("NASTY", nasty, "FLAG", "true")))).validate();
        String compose = ComposeFile.render(lab);
        assertTrue(compose.chars().allMatch(c -> c < 128), "ASCII, whatever charset the docker-maven-plugin reads it in: " + compose);
        JsonNode env = parsed(compose).get("services").get("db-postgres").get("environment");
        assertEquals(nasty, env.get("NASTY").textValue());
        assertEquals("true", env.get("FLAG").textValue(), "a string, not YAML's boolean");
    }

    @Test
    void anUnresolvedMavenExpressionIsRefused() {
        Topology image = new Topology("lab", "172.60.0.0/24", null, "127.0.0.1", "x",
                List.of(new LabService("db", 11, List.of(), List.of()).run("${db.image}", "postgres", List.of(), Map.of()))).validate();
        assertEquals("'${db.image}' in the lab topology still holds a Maven expression: define that property",
                assertThrows(LabException.class, () -> ComposeFile.render(image)).getMessage());
        Topology env = new Topology("lab", "172.60.0.0/24", null, "127.0.0.1", "x",
                List.of(new LabService("db", 11, List.of(), List.of()).run("i", "postgres", List.of(), Map.of("A", "x ${y}")))).validate();
        assertTrue(assertThrows(LabException.class, () -> ComposeFile.render(env)).getMessage().contains("still holds a Maven expression"));
    }

    @Test
    void resolvedTopologyKnowsTheNodesAndContainers(@TempDir Path dir) throws Exception {
        Topology lab = lab("4");
        Path path = dir.resolve("topology.properties");
        ResolvedTopology.write(lab, path);
        ResolvedTopology resolved = ResolvedTopology.load(path);
        assertEquals(List.of("xmpp1", "xmpp2", "xmpp3", "xmpp4"), resolved.nodes());
        assertEquals("openfire-cluster-xmpp4-openfire", resolved.container("xmpp4"));
        assertEquals(5224, resolved.hostPort("xmpp4", 5222));
        assertEquals(ComposeFile.render(lab), ComposeFile.render(resolved.topology()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
