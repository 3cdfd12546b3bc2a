package io.openfirecluster.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.NodeTemplate;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.expression.DefaultExpressionEvaluator;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/**
 * The root pom's topology as Maven hands it to the goals: its {@code <services>} and {@code <node>}
 * blocks configured by Maven's own configurator into the same fields as {@link AbstractLabMojo}'s,
 * so the lists and the environment map have the shape the pom gives them. Maven expressions stay
 * as written here (no project to resolve them against).
 */
class TopologyConfigurationTest {
    /** The two topology parameters of AbstractLabMojo, as Maven sets them. */
    static final class Parameters {
        private List<LabService> services = new ArrayList<>();
        private NodeTemplate node;
    }

    @Test
    void theRootPomsNodeTemplateGivesListsAndAnEnvironmentMap() throws Exception {
        Parameters parameters = configured(Path.of("../pom.xml"));
        LabService xmpp2 = parameters.node.nodes("2").get(1);
        assertEquals("xmpp2", xmpp2.getName());
        assertEquals("[5222:5222, 5262:5269, 9092:9090, 7072:7070, 5006:5005]", xmpp2.getPorts().toString());
        assertEquals(List.of("conference.xmpp2.${lab.dns.suffix}", "${lab.nodes.alias}"), xmpp2.getAliases());
        assertEquals(List.of("db"), xmpp2.getAfter());
        Map<String, String> env = xmpp2.getEnv();
        assertEquals(List.of("DB_HOST", "DEBUG", "HAZELCAST_OPTS", "JAVA_HEAP", "JVM_TUNING"), env.keySet().stream().sorted().toList());
        assertEquals("db.${lab.dns.suffix}", env.get("DB_HOST"));
        assertEquals(List.of("db", "lb"), parameters.services.stream().map(LabService::getName).toList());
        assertEquals(5, parameters.services.get(1).getPorts().size());
    }

    /** An empty element (a property set to nothing) is an empty value, not a missing one; an empty list item is dropped. */
    @Test
    void emptyElementsAreEmptyValues() throws Exception {
        Parameters parameters = configure(Xpp3DomBuilder.build(new java.io.StringReader("<configuration><node><name>n{i}</name><host>{10*i}</host>"
                + "<aliases><alias></alias><alias>a{i}</alias></aliases><env><EMPTY></EMPTY><A>x, \"y\"</A></env></node></configuration>")));
        LabService n1 = parameters.node.nodes("1").get(0);
        assertEquals(List.of("a1"), n1.getAliases());
        assertEquals(Map.of("EMPTY", "", "A", "x, \"y\""), n1.getEnv());
    }

    private static Parameters configured(Path pom) throws Exception {
        Xpp3Dom project;
        try (Reader in = Files.newBufferedReader(pom)) {
            project = Xpp3DomBuilder.build(in);
        }
        for (Xpp3Dom plugin : project.getChild("build").getChild("pluginManagement").getChild("plugins").getChildren("plugin")) {
            if ("lab-network-maven-plugin".equals(plugin.getChild("artifactId").getValue())) {
                return configure(plugin.getChild("configuration"));
            }
        }
        throw new AssertionError("no lab-network-maven-plugin in the pluginManagement of " + pom);
    }

    private static Parameters configure(Xpp3Dom configuration) throws Exception {
        Parameters parameters = new Parameters();
        Xpp3Dom topology = new Xpp3Dom("configuration");
        for (String name : List.of("services", "node")) {
            if (configuration.getChild(name) != null) {
                topology.addChild(configuration.getChild(name));
            }
        }
        new BasicComponentConfigurator().configureComponent(parameters, new XmlPlexusConfiguration(topology),
                new DefaultExpressionEvaluator(), new ClassWorld("lab", TopologyConfigurationTest.class.getClassLoader()).getRealm("lab"));
        assertTrue(parameters.node != null || configuration.getChild("node") == null);
        return parameters;
    }
}
