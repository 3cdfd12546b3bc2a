package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nodes 1..N come from one template; the seed's numbering holds for every N. */
class NodeTemplateTest {
    /** The template as the root pom configures it. */
    static final NodeTemplate XMPP = new NodeTemplate("xmpp{i}", "{10*i}", List.of("conference.xmpp{i}.localhost.example", "nodes.localhost.example"),
            List.of("{5220+i}:5222", "{5260+i}:5269", "{9090+i}:9090", "{7070+i}:7070", "{5004+i}:5005"))
            .withRun("lab/openfire:1", "openfire", List.of("db"), Map.of("DB_HOST", "db"));

    @Test
    void nodeIHasHostNumberTenTimesIAndTheSeedsPorts() {
        List<LabService> nodes = XMPP.nodes("5");
        assertEquals(List.of("xmpp1", "xmpp2", "xmpp3", "xmpp4", "xmpp5"), nodes.stream().map(LabService::getName).toList());
        LabService xmpp5 = nodes.get(4);
        assertEquals(50, xmpp5.getHost());
        assertEquals("[5225:5222, 5265:5269, 9095:9090, 7075:7070, 5009:5005]", xmpp5.getPorts().toString());
        assertEquals(List.of("conference.xmpp5.localhost.example", "nodes.localhost.example"), xmpp5.getAliases());
        assertTrue(xmpp5.isNode());
        assertEquals("openfire", xmpp5.getProcess());
    }

    @Test
    void threeNodesAreTheSeedsXmpp1To3() {
        List<LabService> nodes = XMPP.nodes("3");
        assertEquals("[5221:5222, 5261:5269, 9091:9090, 7071:7070, 5005:5005]", nodes.get(0).getPorts().toString());
        assertEquals("[5223:5222, 5263:5269, 9093:9090, 7073:7070, 5007:5005]", nodes.get(2).getPorts().toString());
        assertEquals(30, nodes.get(2).getHost());
    }

    @Test
    void oneToNineNodesAreAllowed() {
        assertEquals(1, XMPP.nodes("1").size());
        assertEquals(9, XMPP.nodes("9").size());
        for (String bad : new String[] {"0", "10", "three", "", "-1"}) {
            String message = assertThrows(LabException.class, () -> XMPP.nodes(bad)).getMessage();
            assertTrue(message.startsWith("lab.nodes=" + bad + " is not a number of nodes from 1 to 9"), message);
        }
    }

    @Test
    void everyListItemAndEnvironmentValueIsExpandedOnItsOwn() {
        NodeTemplate template = new NodeTemplate("n{i}", "{10*i}", List.of("a{i}, still one alias", ""), List.of("{5220+i}:5222"))
                .withRun("img", "p", List.of("db{i}"), Map.of("ID", "node {i} of \"{i}\",\n$x {K*i}", "PLAIN", "{2*i}"));
        LabService n2 = template.nodes("2").get(1);
        assertEquals(List.of("a2, still one alias"), n2.getAliases(), "an empty item is dropped, a comma stays in its item");
        assertEquals("[5222:5222]", n2.getPorts().toString());
        assertEquals(List.of("db2"), n2.getAfter());
        assertEquals(Map.of("ID", "node 2 of \"2\",\n$x {K*i}", "PLAIN", "4"), n2.getEnv());
    }

    @Test
    void expressionsAreReplacedAndOtherBracesStay() {
        assertEquals("a7b14c", NodeTemplate.expand("a{i}b{7+i}c", 7));
        assertEquals("x{j}", NodeTemplate.expand("x{j}", 2));
        assertEquals("30", NodeTemplate.expand("{10*i}", 3));
    }
}
