package io.openfirecluster.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.NodeTemplate;
import io.openfirecluster.topology.Placement;
import io.openfirecluster.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FaultArgumentsTest {
    @Test
    void groupsAreSplitByBarsAndCommas() {
        assertEquals(List.of(List.of("xmpp1", "xmpp2"), List.of("xmpp3")), FaultArguments.groups(" xmpp1, xmpp2|xmpp3 "));
    }

    @Test
    void aDockerHostsNameStandsForTheNodesItRuns() {
        NodeTemplate node = new NodeTemplate("xmpp{i}", "{10*i}", List.of(), List.of())
                .withRun("lab/openfire:1", "openfire", List.of(), Map.of());
        Topology lab = Placement.parse("host1,host2", "").place(new Topology(
                "openfire-cluster", "172.60.0.0/24", null, "127.0.0.1", "localhost.example", Topology.withNodes(List.of(), node, "3")));
        assertEquals(List.of(List.of("xmpp1", "xmpp3"), List.of("xmpp2")), FaultArguments.groups("host1|host2", lab));
        assertEquals(List.of(List.of("xmpp2"), List.of("xmpp1", "xmpp3")), FaultArguments.groups("xmpp2|host1", lab));
    }

    @Test
    void percentAndDelayBecomeNumbers() {
        assertEquals(20, FaultArguments.percent("20%"));
        assertEquals(0, FaultArguments.percent("0"));
        assertEquals(Duration.ofMillis(200), FaultArguments.delay("200ms"));
        assertEquals(Duration.ofSeconds(2), FaultArguments.delay("2s"));
    }

    @Test
    void badTextIsRefusedInOneLineNamingTheFlag() {
        assertRefused("lab.groups=xmpp1 is not two or more groups", () -> FaultArguments.groups("xmpp1"));
        assertRefused("lab.groups=xmpp1| has an empty group or name", () -> FaultArguments.groups("xmpp1|"));
        assertRefused("lab.groups=xmpp1,,xmpp2|xmpp3 has an empty group or name", () -> FaultArguments.groups("xmpp1,,xmpp2|xmpp3"));
        assertRefused("lab.percent=101 is not a percentage from 0 to 100", () -> FaultArguments.percent("101"));
        assertRefused("lab.percent=many is not a percentage", () -> FaultArguments.percent("many"));
        assertRefused("lab.delay=fast is not a delay", () -> FaultArguments.delay("fast"));
        assertRefused("lab.delay=0ms is not a delay", () -> FaultArguments.delay("0ms"));
    }

    private static void assertRefused(String expected, Executable parse) {
        String message = assertThrows(LabException.class, parse).getMessage();
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }
}
