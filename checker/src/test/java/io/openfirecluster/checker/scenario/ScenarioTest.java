package io.openfirecluster.checker.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.control.Fault;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.NodeTemplate;
import io.openfirecluster.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario's name becomes the fault value the run applies and heals. */
class ScenarioTest {
    private static final Topology LAB = new Topology("scenario-test", "172.60.102.0/24", null, "127.0.0.1", "scenario.example",
            Topology.withNodes(List.of(new LabService("db", 11, List.of(), List.of())), new NodeTemplate("xmpp{i}", "{10*i}", List.of(), List.of()), "3"));

    @Test
    void eachNameIsItsFault() {
        assertEquals(new Fault.Isolate("xmpp3"), Scenario.parse("isolate-xmpp3", LAB).fault());
        assertEquals(new Fault.Partition(List.of(List.of("xmpp1"), List.of("xmpp2", "xmpp3"))), Scenario.parse("partition-xmpp1", LAB).fault());
        assertEquals(new Fault.Crash("xmpp2"), Scenario.parse("crash-xmpp2", LAB).fault());
        assertEquals(new Fault.Pause("xmpp2"), Scenario.parse("pause-xmpp2", LAB).fault());
        assertEquals(new Fault.Dbcut("xmpp1"), Scenario.parse("dbcut-xmpp1", LAB).fault());
        assertEquals(new Fault.Loss("xmpp2", 20), Scenario.parse("loss-xmpp2", LAB).fault());
        assertEquals("isolate-xmpp3", Scenario.parse(" isolate-xmpp3 ", LAB).name());
    }

    @Test
    void noneHasNoFault() {
        assertFalse(Scenario.parse("none", LAB).hasFault());
        assertTrue(Scenario.parse("crash-xmpp1", LAB).hasFault());
    }

    @Test
    void anUnknownFaultOrNodeIsRefusedInOneLine() {
        for (String name : List.of("melt-xmpp1", "isolate-xmpp9", "isolate-db", "isolate", "")) {
            String message = assertThrows(LabException.class, () -> Scenario.parse(name, LAB)).getMessage();
            assertTrue(message.startsWith("lab.scenario=" + name + " is not a scenario"), message);
            assertFalse(message.contains("\n"), message);
        }
    }
}
