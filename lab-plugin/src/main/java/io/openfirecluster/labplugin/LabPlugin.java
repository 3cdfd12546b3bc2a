package io.openfirecluster.labplugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's Openfire plugin, "openfirelab", as the image build makes it: its sources (this
 * module's src/main/openfire, carried as resources under openfirelab/) compiled against the
 * supplied distribution's server jar. In a node it answers on {@link #PORT}: {@link #VIEW} with
 * Openfire's own view as JSON, {@link #READY} with 200 "ready: ..." or 503 and the reason,
 * {@link #COUNTERS} with the node's chat message counters.
 */
public final class LabPlugin {
    /** The plugin's name: plugins/openfirelab.jar in the node. */
    public static final String NAME = "openfirelab";
    /** The node port the plugin answers on (loopback and the lab network; never published). */
    public static final int PORT = 9095;
    /** JSON: cluster (started, senior, members, lastChange), c2s, s2s (incoming, outgoing routes), caches, ready. */
    public static final String VIEW = "/view";
    /** 200 "ready: cluster of ..., c2s open" or 503 and one line why not. */
    public static final String READY = "/ready";
    /** JSON {"chatIn":N,"chatOut":M}: chat messages with a body the node received from and delivered to its client sessions. */
    public static final String COUNTERS = "/counters";

    private static final String PACKAGE = "io/openfirecluster/openfirelab/";
    private static final List<String> SOURCES = List.of("OpenfireLabPlugin.java", "NodeView.java", "ChatCounters.java");

    private LabPlugin() {
    }

    /** Writes DIR/openfirelab.jar, compiled against OPENFIRE_LIB (a distribution's lib directory). */
    public static Path build(Path openfireLib, Path dir) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String source : SOURCES) {
            sources.put(PACKAGE + source, resource(PACKAGE + source));
        }
        return PluginCompiler.build(dir.resolve(NAME + ".jar"), resource("plugin.xml"), sources, openfireLib);
    }

    /** The path and query that asks for the view (or readiness) with NODES expected; no nodes: as many as LAB_NODES. */
    public static String ask(String what, List<String> nodes) {
        return nodes.isEmpty() ? what : what + "?nodes=" + String.join(",", nodes);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LabPlugin.class.getResourceAsStream("/" + NAME + "/" + name)) {
            if (in == null) {
                throw new IOException("the lab plugin's " + name + " is missing from " + LabPlugin.class.getProtectionDomain().getCodeSource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
