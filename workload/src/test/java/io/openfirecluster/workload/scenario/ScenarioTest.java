package io.openfirecluster.workload.scenario;

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
    void aRouteScenarioAimsAtTheHolderItIsGivenWhenApplied() {
        Topology lab = ShapedLabs.of("cluster-with-federation");
        Scenario crash = Scenario.parse("crash-route", lab);
        assertTrue(crash.hasFault());
        assertTrue(crash.aimsAtRoute());
        assertEquals("route:" + ShapedLabs.OTHER, crash.target());
        assertEquals(new Fault.Crash("xmpp2"), crash.faultOn("xmpp2"));
        assertEquals(new Fault.Isolate("xmpp1"), Scenario.parse("isolate-route", lab).faultOn("xmpp1"));
        assertEquals(new Fault.S2sCut("xmpp3", ShapedLabs.OTHER), Scenario.parse("s2scut-route", lab).faultOn("xmpp3"));
        assertEquals("crash-route (xmpp2)", crash.describe("xmpp2"), "the history names the node it hit");
        assertEquals("crash-xmpp2", Scenario.parse("crash-xmpp2", lab).describe("xmpp2"), "a named node's scenario keeps its name");
        assertThrows(IllegalStateException.class, crash::fault, "no holder is known before the lab is asked");
    }

    @Test
    void aNodeScenarioNamesANodeOfTheClusterAndPartitionsWithinIt() {
        Topology lab = ShapedLabs.of("cluster-with-federation");
        assertEquals(new Fault.Partition(List.of(List.of("xmpp1"), List.of("xmpp2", "xmpp3"))), Scenario.parse("partition-xmpp1", lab).fault());
        String message = assertThrows(LabException.class, () -> Scenario.parse("crash-otherxmpp", lab)).getMessage();
        assertEquals("lab.scenario=crash-otherxmpp is not a scenario: give one of none, isolate-xmpp1, isolate-xmpp2, isolate-xmpp3,"
                + " partition-xmpp1, partition-xmpp2, partition-xmpp3, crash-xmpp1, crash-xmpp2, crash-xmpp3, pause-xmpp1, pause-xmpp2,"
                + " pause-xmpp3, dbcut-xmpp1, dbcut-xmpp2, dbcut-xmpp3, loss-xmpp1, loss-xmpp2, loss-xmpp3, crash-route, isolate-route, s2scut-route",
                message);
    }

    @Test
    void aRouteScenarioOnALabOfOneDomainIsRefusedInOneLine() {
        for (Topology lab : List.of(LAB, ShapedLabs.of("cluster"))) {
            String message = assertThrows(LabException.class, () -> Scenario.parse("crash-route", lab)).getMessage();
            assertTrue(message.startsWith("lab.scenario=crash-route aims at the route to another XMPP domain and this lab has one domain:"
                    + " start it with -Dlab.shape=cluster-with-federation, or give one of none, isolate-xmpp1,"), message);
            assertFalse(message.contains("-route,"), message);
            assertFalse(message.contains("\n"), message);
        }
        String pauseRoute = assertThrows(LabException.class, () -> Scenario.parse("pause-route", ShapedLabs.of("cluster-with-federation"))).getMessage();
        assertTrue(pauseRoute.startsWith("lab.scenario=pause-route is not a scenario: give one of none,"), pauseRoute);
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
