package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeJvmTest {
    @Test
    void readsWhichArchiveTheImageHasAndWhetherTheJvmMapsIt() {
        assertEquals(new NodeJvm.Archive("AOT cache", true), NodeJvm.parse("/opt/openfire-lab/openfire.aot mapped\n"));
        assertEquals(new NodeJvm.Archive("CDS archive", false), NodeJvm.parse("/opt/openfire-lab/openfire.jsa unused\n"));
        assertEquals(NodeJvm.Archive.NONE, NodeJvm.parse(""));
        assertEquals(NodeJvm.Archive.NONE, NodeJvm.parse("/opt/openfire-lab/other.bin mapped\n"));
    }

    @Test
    void summarisesTheNodesInOneLineAndNamesTheOnesThatDiffer() {
        NodeJvm.Archive mapped = new NodeJvm.Archive("AOT cache", true);
        NodeJvm.Archive rejected = new NodeJvm.Archive("AOT cache", false);
        assertEquals("Java 25, AOT cache mapped (3 of 3 node(s))", NodeJvm.summary(List.of(
                new NodeJvm("xmpp1", "25", mapped), new NodeJvm("xmpp2", "25", mapped), new NodeJvm("xmpp3", "25", mapped))));
        assertEquals("Java 25, AOT cache mapped on xmpp1,xmpp3; Java 25, AOT cache not used on xmpp2", NodeJvm.summary(List.of(
                new NodeJvm("xmpp1", "25", mapped), new NodeJvm("xmpp2", "25", rejected), new NodeJvm("xmpp3", "25", mapped))));
        assertEquals("Java 17, no archive (1 of 1 node(s))", NodeJvm.summary(List.of(new NodeJvm("xmpp1", "17", NodeJvm.Archive.NONE))));
    }
}
