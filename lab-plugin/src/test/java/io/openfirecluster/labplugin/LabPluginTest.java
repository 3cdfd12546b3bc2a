package io.openfirecluster.labplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LabPluginTest {
    private static final Path SOURCES = Path.of("src/main/openfire/io/openfirecluster/openfirelab");

    @Test
    void theBuildCompilesEverySourceOfThePlugin() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(SOURCES)) {
            onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList();
        }
        for (String source : onDisk) {
            assertTrue(LabPlugin.resource("io/openfirecluster/openfirelab/" + source).contains("package io.openfirecluster.openfirelab;"), source);
        }
        assertEquals(List.of("ChatCounters.java", "NodeView.java", "OpenfireLabPlugin.java"), onDisk);
    }

    @Test
    void thePluginListensOnThePortTheLabAsks() throws IOException {
        assertTrue(LabPlugin.resource("io/openfirecluster/openfirelab/OpenfireLabPlugin.java").contains("PORT = " + LabPlugin.PORT + ";"));
        assertTrue(LabPlugin.resource("plugin.xml").contains("<name>" + LabPlugin.NAME + "</name>"));
    }

    @Test
    void askNamesTheExpectedNodesOrLeavesThemToLabNodes() {
        assertEquals("/view", LabPlugin.ask(LabPlugin.VIEW, List.of()));
        assertEquals("/ready?nodes=xmpp1,xmpp2", LabPlugin.ask(LabPlugin.READY, List.of("xmpp1", "xmpp2")));
    }
}
