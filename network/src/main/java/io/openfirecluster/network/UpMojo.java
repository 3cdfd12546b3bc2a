package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.ComposeFile;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.topology.Topology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    /** Services to make (names; "nodes" stands for every node); empty means all services. */
    @Parameter(property = "lab.only")
    private List<String> only;

    /** The service images come from a registry at docker:start (-Dimage.pull=true): not checked locally. */
    @Parameter(property = "image.pull", defaultValue = "false")
    private boolean pull;

    /** Where pulled images come from (HOST:PORT), with image.pull. */
    @Parameter(property = "image.registry", defaultValue = "")
    private String registry;

    @Parameter(defaultValue = "${project.build.directory}/lab", readonly = true)
    private File labDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    protected void execute(Topology configured) throws MojoFailureException {
        Topology topology = configured.select(expandNodes(configured, only));
        String compose = compose(topology);
        try (LabNetwork lab = connect(topology)) {
            lab.up(List.of(), pull, registry);
        }
        write(topology, compose);
    }

    /**
     * Without a lab (-DskipITs, no Openfire) the files are still written, and nothing else is
     * done: docker:start reads its configuration even when it then skips running it.
     */
    @Override
    protected void skipped(Topology configured) throws MojoFailureException {
        Topology topology = configured.select(expandNodes(configured, only));
        write(topology, compose(topology));
    }

    private static String compose(Topology topology) {
        return topology.services().stream().anyMatch(s -> !s.getImage().isEmpty()) ? ComposeFile.render(topology) : null;
    }

    private void write(Topology topology, String compose) throws MojoFailureException {
        // Later goals of this build (docker:start, failsafe) can use the real values as ${lab.xmpp1.ipv4}.
        project.getProperties().putAll(topology.toProperties());
        try {
            Path dir = labDirectory.toPath();
            ResolvedTopology.write(topology, dir.resolve("topology.properties"));
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
