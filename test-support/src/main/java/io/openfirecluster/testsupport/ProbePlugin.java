package io.openfirecluster.testsupport;

import io.openfirecluster.labplugin.PluginCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Openfire plugin the tests make themselves: a class implementing Openfire's
 * {@code org.jivesoftware.openfire.container.Plugin}, compiled (PluginCompiler) against the Openfire
 * the lab runs, with a plugin.xml of a given version, in NAME.jar. When Openfire initialises it,
 * it prints one line to the node's stdout (docker logs):
 *
 * <pre>lab-probe NAME VERSION initialized; PROPERTY=[VALUE]; ...</pre>
 *
 * with the value Openfire itself has for each property it was asked to report (JiveGlobals, the
 * node's view of the system properties), so a test sees which version runs and what a node reads.
 */
public final class ProbePlugin {
    private ProbePlugin() {
    }

    /**
     * Builds DIR/NAME.jar. OPENFIRE_LIB is Openfire's lib directory (lib/xmppserver-*.jar is
     * compiled against); REPORTED the property names the plugin prints when it starts.
     */
    public static Path build(Path dir, String name, String version, Path openfireLib, List<String> reported) throws IOException {
        return PluginCompiler.build(dir.resolve(name + ".jar"), pluginXml(name, version),
                Map.of("io/openfirecluster/probe/ProbePlugin.java", source(name, version, reported)), openfireLib);
    }

    /** The line the plugin prints when Openfire initialises it, up to its first property. */
    public static String initializedLine(String name, String version) {
        return "lab-probe " + name + " " + version + " initialized";
    }

    /** How the plugin prints a property's value (null: Openfire has none), e.g. "; lab.x=[hello]". */
    public static String reported(String property, String value) {
        return "; " + property + "=" + (value == null ? "(none)" : "[" + escape(value) + "]");
    }

    /** One line a property, whatever it holds. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String pluginXml(String name, String version) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<plugin>\n"
                + "  <class>io.openfirecluster.probe.ProbePlugin</class>\n"
                + "  <name>" + name + "</name>\n"
                + "  <description>openfire-cluster's test probe: says which version runs and what the node reads</description>\n"
                + "  <author>openfire-cluster</author>\n"
                + "  <version>" + version + "</version>\n"
                + "  <date>2025-01-01</date>\n"
                + "  <minServerVersion>5.0.0</minServerVersion>\n"
                + "</plugin>\n";
    }

    private static String source(String name, String version, List<String> reported) {
        String names = reported.stream().map(ProbePlugin::javaString).collect(Collectors.joining(", "));
        return """
                package io.openfirecluster.probe;

                import java.io.File;
                import org.jivesoftware.openfire.container.Plugin;
                import org.jivesoftware.openfire.container.PluginManager;
                import org.jivesoftware.util.JiveGlobals;

                public class ProbePlugin implements Plugin {
                    private static final String[] REPORTED = { %s };

                    @Override
                    public void initializePlugin(PluginManager manager, File pluginDirectory) {
                        StringBuilder line = new StringBuilder(%s);
                        for (String name : REPORTED) {
                            String value = JiveGlobals.getProperty(name);
                            line.append("; ").append(name).append('=').append(value == null ? "(none)"
                                    : "[" + value.replace("\\\\", "\\\\\\\\").replace("\\n", "\\\\n").replace("\\r", "\\\\r") + "]");
                        }
                        System.out.println(line);
                    }

                    @Override
                    public void destroyPlugin() {
                        System.out.println(%s);
                    }
                }
                """.formatted(names, javaString(initializedLine(name, version)), javaString("lab-probe " + name + " " + version + " destroyed"));
    }

    private static String javaString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
