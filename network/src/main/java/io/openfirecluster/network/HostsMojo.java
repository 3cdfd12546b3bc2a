package io.openfirecluster.network;

import com.github.dockerjava.api.DockerClient;
import io.openfirecluster.control.SimulatedHosts;
import io.openfirecluster.topology.DockerHost;
import io.openfirecluster.topology.Format;
import io.openfirecluster.topology.LabException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Simulated Docker hosts to run the lab across, on this machine: {@code lab:hosts
 * -Dlab.hosts.simulated=3} starts host1..hostN (each a whole Docker engine in a container, see
 * SimulatedHosts) joined in a swarm, and the lab registry they pull images from, and writes the
 * Docker hosts file (lab.hosts.file) the lab reaches them by. They run until lab:hosts-down.
 * Real machines need none of this: their hosts file is written by hand (docs/multihost.md).
 */
@Mojo(name = "hosts", threadSafe = true)
public class HostsMojo extends AbstractHostsMojo {
    /** The project property that tells the goals after this one whether it made the hosts ("false") or not ("true"). */
    static final String MISSING = "lab.hosts.missing";

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(property = "lab.hosts.simulated", defaultValue = "3")
    private int count;

    @Parameter(property = "host.image", required = true)
    private String hostImage;

    @Parameter(property = "registry.it.image", required = true)
    private String registryImage;

    /** The lab registry's port on this machine's loopback, and on each host's (its forward). */
    @Parameter(property = "lab.hosts.registry.port", defaultValue = "5000")
    private int registryPort;

    /** What comes after in this module (its lab, its tests) reads whether there are hosts to run on. */
    @Override
    protected void skipped() {
        project.getProperties().setProperty(MISSING, "true");
    }

    @Override
    protected void execute(DockerClient machine, Path hostsFile) throws IOException {
        skipped();
        SimulatedHosts.Plan plan = SimulatedHosts.Plan.of(hostImage, count, hostsFile.toAbsolutePath().getParent()).withLabRegistry();
        SimulatedHosts hosts;
        try {
            hosts = SimulatedHosts.start(machine, plan, getLog()::info);
        } catch (SimulatedHosts.OverlayUnsupportedException noVxlan) {
            // The one thing this machine truly cannot do: say so, and run nothing that needs it.
            getLog().warn("NOT RUN: " + project.getName() + " (the lab across simulated Docker hosts and its tests): " + noVxlan.getMessage());
            return;
        }
        try {
            hosts.startRegistry(registryImage, registryPort);
            DockerHost.write(hosts.hosts().stream().map(host -> new DockerHost(host.name(), host.dockerHost(), host.address())).toList(), hostsFile);
        } catch (LabException | IOException e) {
            hosts.close();
            throw e;
        }
        hosts.detach();
        project.getProperties().setProperty(MISSING, "false");
        List<String> names = hosts.hosts().stream().map(SimulatedHosts.Host::name).toList();
        getLog().info("lab: " + names.size() + " simulated Docker hosts in a swarm, ready after " + Format.seconds(hosts.readyAfter())
                + "; their engines are in " + hostsFile);
        getLog().info("lab: start the lab on them: ./mvnw install -DskipITs -Dplay -Dlab.hosts=" + String.join(",", names)
                + " -Dimage.registry=127.0.0.1:" + registryPort + "; remove them with lab:hosts-down");
    }
}
