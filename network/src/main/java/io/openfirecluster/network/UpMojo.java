package io.openfirecluster.network;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Creates the lab network and the address holders, replacing leftovers of an earlier run, and
 * writes the resolved topology to {@code target/lab/topology.properties} for tests and people.
 */
@Mojo(name = "up", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class UpMojo extends AbstractLabMojo {
    /** Holders to create (service names); empty means all services. */
    @Parameter(property = "lab.only")
    private List<String> only;

    @Parameter(defaultValue = "${project.build.directory}/lab/topology.properties", readonly = true)
    private File topologyFile;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    protected void execute(LabNetwork lab) throws MojoFailureException {
        lab.up(only);
        Map<String, String> resolved = lab.topology().toProperties();
        // Later goals of this build (docker:start, failsafe) can use the real values as ${lab.xmpp1.ipv4}.
        project.getProperties().putAll(resolved);
        Properties file = new Properties();
        file.putAll(resolved);
        try {
            Path path = topologyFile.toPath();
            Files.createDirectories(path.getParent());
            try (Writer out = Files.newBufferedWriter(path)) {
                file.store(out, "resolved lab topology, written by lab:up");
            }
        } catch (IOException e) {
            throw new MojoFailureException("cannot write " + topologyFile + ": " + e.getMessage());
        }
        getLog().info("\n" + lab.topology().describe());
    }
}
