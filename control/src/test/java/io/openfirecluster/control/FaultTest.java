package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.LabException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What a fault value checks alone, before any lab is asked: the values, never how a user typed them. */
class FaultTest {
    @Test
    void aPartitionKeepsItsGroupsInOrderAndCannotBeChangedAfterwards() {
        List<String> first = new ArrayList<>(List.of("xmpp1", "xmpp2"));
        Fault.Partition partition = new Fault.Partition(List.of(first, List.of("xmpp3")));
        first.add("xmpp4");
        assertEquals("xmpp1,xmpp2|xmpp3", partition.toString());
        assertEquals(List.of("xmpp1", "xmpp2", "xmpp3"), partition.nodes());
        assertThrows(UnsupportedOperationException.class, () -> partition.groups().get(0).add("xmpp5"));
    }

    @Test
    void aNodeAloneIsPartitionedFromTheRest() {
        assertEquals(new Fault.Partition(List.of(List.of("xmpp2"), List.of("xmpp1", "xmpp3"))),
                Fault.Partition.alone("xmpp2", List.of("xmpp1", "xmpp2", "xmpp3")));
    }

    @Test
    void badValuesAreRefusedInOneLineWithoutNamingAFlag() {
        assertRefused("is not two or more groups", () -> new Fault.Partition(List.of(List.of("n1"))));
        assertRefused("has an empty group", () -> new Fault.Partition(List.of(List.of("n1"), List.of())));
        assertRefused("names n1 twice", () -> new Fault.Partition(List.of(List.of("n1"), List.of("n1", "n2"))));
        assertRefused("is not a percentage from 0 to 100", () -> new Fault.Loss("n1", 101));
        assertRefused("is not a percentage from 0 to 100", () -> new Fault.Loss("n1", -1));
        assertRefused("is not a delay", () -> new Fault.Latency("n1", Duration.ZERO));
        assertRefused("is not a delay", () -> new Fault.Latency("n1", Duration.ofNanos(1_500_000)));
        assertRefused("both n1", () -> new Fault.Oneway("n1", " n1"));
        assertRefused("names no node", () -> new Fault.Isolate(" "));
        assertRefused("names no node", () -> new Fault.Crash(null));
    }

    @Test
    void edgeValuesAreFaults() {
        assertEquals(0, new Fault.Loss("n1", 0).percent());
        assertEquals(100, new Fault.Loss("n1", 100).percent());
        assertEquals("n1", new Fault.Pause(" n1 ").node());
    }

    private static void assertRefused(String expected, Executable fault) {
        String message = assertThrows(LabException.class, fault).getMessage();
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains("-D"), "no Maven flag: " + message);
    }
}
