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

/** Each shape yields its domains: names, addresses, ports, per-domain cluster size and alias, as docs/shapes.md lists them. */
class ShapeTest {
    private static final String SUFFIX = "localhost.example";
    private static final NodeTemplate NODE = new NodeTemplate("xmpp{i}", "{10*i}",
            List.of("conference.xmpp{i}." + SUFFIX, "nodes." + SUFFIX),
            List.of("{5220+i}:5222", "{5260+i}:5269", "{9090+i}:9090", "{7070+i}:7070", "{5004+i}:5005"))
            .withRun("lab/openfire:1", "openfire", List.of("db"), Map.of("DB_HOST", "db." + SUFFIX, "DEBUG", "false"));

    private static Shape.Blocks blocks(String nodes, String otherNodes, String domain, String suffix) {
        return new Shape.Blocks("openfire-cluster", "172.60.0.0/24", null, "127.0.0.1", suffix, List.of(
                new LabService("db", 11, List.of(), List.of("5432:5432")).run("lab/db:1", "postgres", List.of(), Map.of()),
                new LabService("lb", 99, List.of(), List.of("55222:55222", "5269:5269", "5270:5270")).run("lab/lb:1", "nginx", List.of("nodes"), Map.of())),
                NODE, nodes, otherNodes, domain, "nodes." + SUFFIX);
    }

    private static Topology shaped(String shape, String nodes, String otherNodes) {
        return Shape.named(shape).topology(blocks(nodes, otherNodes, "xmpp." + SUFFIX, SUFFIX)).validate();
    }

    @Test
    void clusterIsTheOneDomainLabWithNothingTagged() {
        Topology cluster = shaped("cluster", "3", "1");
        assertEquals(List.of("db", "lb", "xmpp1", "xmpp2", "xmpp3"), cluster.services().stream().map(LabService::getName).toList());
        assertEquals(List.of(), cluster.domains());
        assertEquals("5269:5269", cluster.service("lb").getPorts().get(1).toString());
        assertFalse(cluster.toProperties().containsKey("lab.xmpp1.domain"));
        assertEquals(Shape.CLUSTER, Shape.named(""), "no shape given: the cluster");
    }

    @Test
    void federationIsTwoStandaloneServersEachWithItsDatabase() throws Exception {
        Topology federation = shaped("federation", "3", "1");
        assertEquals("172.50.0.0/24", federation.subnet().toString());
        assertEquals(List.of("xmpp1." + SUFFIX, "xmpp2." + SUFFIX), federation.domains());
        assertEquals(List.of("db1", "xmpp1", "db2", "xmpp2"), federation.services().stream().map(LabService::getName).toList());
        assertEquals("172.50.0.21", federation.ipv4(federation.service("db2")));
        assertEquals("[5222:5222, 5262:5269, 9092:9090, 7072:7070, 5006:5005, 7442:7443]", federation.service("xmpp2").getPorts().toString());
        assertEquals("[5431:5432]", federation.service("db1").getPorts().toString());
        assertTrue(federation.dnsNames(federation.service("xmpp2")).containsAll(List.of("xmpp2." + SUFFIX, "conference.xmpp2." + SUFFIX, "nodes.xmpp2." + SUFFIX)));
        assertFalse(federation.dnsNames(federation.service("xmpp2")).contains("nodes." + SUFFIX), "the domains share no Hazelcast alias");
        JsonNode compose = ComposeFile.YAML.readTree(ComposeFile.render(federation)).get("services");
        JsonNode xmpp2 = compose.get("xmpp2-openfire").get("environment");
        assertEquals("1", xmpp2.get("LAB_NODES").asText());
        assertEquals("false", xmpp2.get("CLUSTERING").asText());
        assertEquals("db2." + SUFFIX, xmpp2.get("DB_HOST").asText());
        assertEquals("nodes.xmpp2." + SUFFIX, xmpp2.get("NODES_ALIAS").asText());
        assertEquals("service_healthy", compose.get("xmpp2-openfire").get("depends_on").get("db2-postgres").get("condition").asText());
        JsonNode db2 = compose.get("db2-postgres").get("environment");
        assertEquals("xmpp2." + SUFFIX, db2.get("XMPP_DOMAIN").asText());
        assertEquals("user3,user4", db2.get("LAB_USERS").asText());
        assertEquals("muc3,muc4", db2.get("LAB_ROOMS").asText());
        assertEquals(List.of("db1", "db2"), Shape.FEDERATION.databases(federation));
    }

    @Test
    void clusterWithFederationAddsOtherxmppAndMovesTheLoadBalancersS2sPorts() throws Exception {
        Topology lab = shaped("cluster-with-federation", "3", "1");
        assertEquals(List.of("xmpp." + SUFFIX, "otherxmpp." + SUFFIX), lab.domains());
        assertEquals("[55222:55222, 55269:5269, 55270:5270]", lab.service("lb").getPorts().toString());
        assertTrue(lab.dnsNames(lab.service("lb")).containsAll(List.of("xmpp." + SUFFIX, "conference.xmpp." + SUFFIX)));
        LabService other = lab.service("otherxmpp");
        assertEquals("172.60.0.110", lab.ipv4(other));
        assertEquals("[5229:5222, 5269:5269, 9099:9090, 7079:7070, 7449:7443]", other.getPorts().toString());
        assertEquals("172.60.0.111", lab.ipv4(lab.service("otherdb")));
        JsonNode compose = ComposeFile.YAML.readTree(ComposeFile.render(lab)).get("services");
        assertEquals("3", compose.get("xmpp1-openfire").get("environment").get("LAB_NODES").asText(), "the cluster counts only its own nodes");
        assertEquals("1", compose.get("otherxmpp-openfire").get("environment").get("LAB_NODES").asText());
        assertEquals("otherdb." + SUFFIX, compose.get("otherxmpp-openfire").get("environment").get("DB_HOST").asText());
    }

    @Test
    void moreOtherNodesAreOneClusterOfTheirOwn() throws Exception {
        Topology lab = shaped("cluster-with-federation", "2", "3");
        assertEquals(List.of("otherxmpp1", "otherxmpp2", "otherxmpp3"), lab.nodesOf("otherxmpp." + SUFFIX).stream().map(LabService::getName).toList());
        assertEquals("172.60.0.112", lab.ipv4(lab.service("otherxmpp1")), "after otherdb's 111");
        assertTrue(lab.dnsNames(lab.service("otherxmpp2")).containsAll(List.of("otherxmpp." + SUFFIX, "nodes.otherxmpp." + SUFFIX)));
        JsonNode env = ComposeFile.YAML.readTree(ComposeFile.render(lab)).get("services").get("otherxmpp2-openfire").get("environment");
        assertEquals("3", env.get("LAB_NODES").asText());
        assertEquals("true", env.get("CLUSTERING").asText());
    }

    @Test
    void domainsSurviveTheResolvedTopology(@TempDir Path dir) throws Exception {
        Topology lab = shaped("cluster-with-federation", "2", "1");
        ResolvedTopology.write(lab, dir.resolve("topology.properties"));
        ResolvedTopology resolved = ResolvedTopology.load(dir.resolve("topology.properties"));
        assertEquals("otherxmpp." + SUFFIX, resolved.domain("otherxmpp"));
        assertEquals(List.of("xmpp1", "xmpp2"), resolved.nodesOf("xmpp." + SUFFIX));
        assertEquals(lab.domains(), resolved.topology().domains());
    }

    @Test
    void badInputIsOneLineBeforeAnythingStarts() {
        assertEquals("lab.shape=star is not a shape of the lab: give one of [cluster, cluster-with-federation, federation] (default cluster)",
                assertThrows(LabException.class, () -> Shape.named("star")).getMessage());
        assertTrue(assertThrows(LabException.class, () -> shaped("cluster-with-federation", "3", "10")).getMessage()
                .startsWith("lab.other.nodes=10 is not a number of otherxmpp nodes from 1 to 9"));
        assertTrue(assertThrows(LabException.class, () -> shaped("cluster-with-federation", "3", "0")).getMessage().startsWith("lab.other.nodes=0 "));
        assertTrue(assertThrows(LabException.class, () -> Shape.CLUSTER_WITH_FEDERATION.topology(blocks("3", "1", "xmpp_bad..example", SUFFIX)))
                .getMessage().startsWith("xmpp.domain=xmpp_bad..example is not a DNS name"));
        assertTrue(assertThrows(LabException.class, () -> Shape.FEDERATION.topology(blocks("3", "1", "xmpp." + SUFFIX, "local host")))
                .getMessage().startsWith("lab.dns.suffix=local host is not a DNS name"));
        assertEquals("lab.nodes=0 is not a number of nodes from 1 to 9: give e.g. -Dlab.nodes=5",
                assertThrows(LabException.class, () -> shaped("federation", "0", "1")).getMessage(), "federation's two servers ignore lab.nodes, not a bad one");
        // Nine cluster nodes take otherxmpp's host ports: the clash is named.
        assertEquals("services xmpp9 and otherxmpp both publish host port 5229: give each its own",
                assertThrows(LabException.class, () -> shaped("cluster-with-federation", "9", "1")).getMessage());
    }

    @Test
    void eachDomainHasItsNodesUsersAndRooms() {
        assertEquals(List.of(new XmppDomain("xmpp." + SUFFIX, List.of("xmpp1", "xmpp2", "xmpp3"), List.of("user1", "user2"), List.of("muc1", "muc2"))),
                XmppDomain.of(shaped("cluster", "3", "1"), "xmpp." + SUFFIX), "the one-domain lab is the seed's domain");
        List<XmppDomain> federation = XmppDomain.of(shaped("federation", "3", "1"), "unused");
        assertEquals(List.of("xmpp1." + SUFFIX, "xmpp2." + SUFFIX), federation.stream().map(XmppDomain::name).toList());
        assertEquals(new XmppDomain("xmpp2." + SUFFIX, List.of("xmpp2"), List.of("user3", "user4"), List.of("muc3", "muc4")), federation.get(1));
        assertEquals("conference.xmpp2." + SUFFIX, federation.get(1).conference());
    }
}
