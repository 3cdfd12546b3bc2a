package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.ComposeFile;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.OpenfireProperties;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.topology.Shape;
import io.openfirecluster.topology.Topology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Creates the lab network and the address holders, replacing leftovers of an earlier run, and
 * writes what the rest of the build reads: {@code target/lab/topology.properties} (tests, people)
 * and {@code target/lab/docker-compose.yml} (what docker:start runs in the holders).
 */
@Mojo(name = "up", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class UpMojo extends AbstractLabMojo {
    /** In target/lab/: the Openfire properties this lab's database was given, for the tests. */
    static final String OPENFIRE_PROPERTIES_FILE = "openfire.properties";

    /** Services to make (names; "nodes" stands for every node); empty means all services. */
    @Parameter(property = "lab.only")
    private List<String> only;

    /** The service images come from a registry at docker:start (-Dimage.pull=true): not checked locally. */
    @Parameter(property = "image.pull")
    private boolean pull;

    /** Where pulled images come from (HOST:PORT), with image.pull. */
    @Parameter(property = "image.registry")
    private String registry;

    /**
     * Openfire system properties seeded into the database before any node starts (name=value,...),
     * over the lab's own; see OpenfireProperties.
     */
    @Parameter(property = "openfire.properties")
    private String openfireProperties;

    /** A .properties file of Openfire system properties; -Dopenfire.properties wins for the same name. */
    @Parameter(property = "openfire.properties.file")
    private String openfirePropertiesFile;

    /** The service whose environment carries them: the database (its image's entrypoint seeds them). */
    @Parameter(property = "openfire.properties.service", defaultValue = "db")
    private String propertiesService;

    @Parameter(defaultValue = "${project.build.directory}/lab", readonly = true)
    private File labDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    protected void execute(Topology configured) throws MojoFailureException {
        Topology topology = configured.select(expandNodes(configured, only));
        OpenfireProperties properties = properties(topology);
        String compose = compose(topology, properties);
        try (LabNetwork lab = connect(topology)) {
            lab.up(List.of(), pull, registry);
        }
        write(topology, compose, properties);
    }

    /**
     * Without a lab (-DskipITs, no Openfire) the files are still written, and nothing else is
     * done: docker:start reads its configuration even when it then skips running it.
     */
    @Override
    protected void skipped(Topology configured) throws MojoFailureException {
        Topology topology = configured.select(expandNodes(configured, only));
        OpenfireProperties properties = properties(topology);
        write(topology, compose(topology, properties), properties);
    }

    /** The user's Openfire properties, checked (one line for a bad one); none for a lab without a database. */
    private OpenfireProperties properties(Topology topology) {
        OpenfireProperties properties = OpenfireProperties.parse(openfireProperties, openfirePropertiesFile);
        if (!properties.isEmpty() && databases(topology).isEmpty()) {
            getLog().info("lab: no " + propertiesService + " in this lab: the " + properties.values().size() + " Openfire properties are not seeded here");
            return OpenfireProperties.none();
        }
        return properties;
    }

    /** Where Openfire properties are seeded: propertiesService in the one-domain lab, every domain's database in the others. */
    private List<String> databases(Topology topology) {
        if (shape() == Shape.CLUSTER) {
            return topology.services().stream().map(s -> s.getName()).filter(propertiesService::equals).toList();
        }
        return shape().databases(topology);
    }

    private String compose(Topology topology, OpenfireProperties properties) {
        if (topology.services().stream().allMatch(s -> s.getImage().isEmpty())) {
            return null;
        }
        // The shape's own (the s2s policy of a lab of more domains) first: the user's win.
        OpenfireProperties seeded = properties.over(shape().properties());
        if (seeded.isEmpty()) {
            return ComposeFile.render(topology);
        }
        List<String> databases = databases(topology);
        getLog().info("lab: Openfire properties for every node, seeded into " + String.join(",", databases) + ": " + String.join(", ", seeded.values().keySet()));
        Map<String, Map<String, String>> env = new LinkedHashMap<>();
        databases.forEach(db -> env.put(db, Map.of(OpenfireProperties.ENV, seeded.encoded())));
        return ComposeFile.render(topology, env);
    }

    private void write(Topology topology, String compose, OpenfireProperties properties) throws MojoFailureException {
        // Later goals of this build (docker:start, failsafe) can use the real values as ${lab.xmpp1.ipv4}.
        project.getProperties().putAll(topology.toProperties());
        try {
            Path dir = labDirectory.toPath();
            ResolvedTopology.write(topology, dir.resolve("topology.properties"));
            // What every node must report (the tests read it); no file: none were given.
            Path seeded = dir.resolve(OPENFIRE_PROPERTIES_FILE);
            if (properties.isEmpty()) {
                Files.deleteIfExists(seeded);
            } else {
                properties.write(seeded);
            }
            Path composeFile = dir.resolve("docker-compose.yml");
            if (compose != null) {
                Files.writeString(composeFile, compose);
            } else {
                Files.deleteIfExists(composeFile);
            }
        } catch (IOException e) {
            throw new MojoFailureException("cannot write to " + labDirectory + ": " + e.getMessage());
        }
    }

    @Override
    protected boolean worksOnRunningLab() {
        return false;
    }

    @Override
    protected void execute(LabNetwork lab) {
        throw new IllegalStateException("lab:up works on the selected topology");
    }

    private static List<String> expandNodes(Topology topology, List<String> only) {
        List<String> names = new ArrayList<>();
        for (String name : only == null ? List.<String>of() : only) {
            if (name.trim().equals(Topology.NODES)) {
                names.addAll(topology.nodeNames());
            } else if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        if (only != null && !only.isEmpty() && names.isEmpty()) {
            throw new LabException("lab.only names no service: give service names, e.g. -Dlab.only=db,xmpp1");
        }
        return names;
    }
}
