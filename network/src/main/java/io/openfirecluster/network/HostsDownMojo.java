package io.openfirecluster.network;

import com.github.dockerjava.api.DockerClient;
import io.openfirecluster.control.DockerClients;
import io.openfirecluster.control.SimulatedHosts;
import io.openfirecluster.topology.LabException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes the simulated Docker hosts lab:hosts made, their swarm, volumes, network and the lab
 * registry, and their hosts file; also what a killed run left. Stop the lab on them first
 * (lab:down), so each host's engine has stopped its own containers.
 */
@Mojo(name = "hosts-down", threadSafe = true)
public class HostsDownMojo extends AbstractMojo {
    @Parameter(property = "lab.hosts.file", required = true)
    private File hostsFile;

    /** A module's hosts live around its lab (lab.skip), which needs Openfire (openfire.missing, set by openfire-dist:prepare). */
    @Parameter
    private boolean skip;

    @Parameter(property = "openfire.missing")
    private boolean openfireMissing;

    @Override
    public void execute() throws MojoFailureException {
        if (skip || openfireMissing) {
            getLog().info("lab: skipped" + (openfireMissing ? " (no Openfire)" : ""));
            return;
        }
        try (DockerClient machine = DockerClients.connect()) {
            SimulatedHosts.removeLeftovers(machine, SimulatedHosts.NETWORK, getLog()::info);
            Files.deleteIfExists(hostsFile.toPath());
            // The directories their engines' sockets were in (lab:hosts made them beside the file).
            try (java.util.stream.Stream<java.nio.file.Path> dirs = Files.list(hostsFile.toPath().toAbsolutePath().getParent())) {
                for (java.nio.file.Path dir : dirs.filter(dir -> dir.getFileName().toString().matches("host[0-9]+") && Files.isDirectory(dir)).toList()) {
                    try (java.util.stream.Stream<java.nio.file.Path> inside = Files.walk(dir)) {
                        for (java.nio.file.Path path : inside.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.delete(path);
                        }
                    }
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                // nothing was there
            }
            getLog().info("lab: the simulated Docker hosts are gone");
        } catch (LabException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("cannot remove " + hostsFile + ": " + e.getMessage());
        }
    }
}
