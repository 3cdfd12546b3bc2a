package io.openfirecluster.network;

import com.github.dockerjava.api.DockerClient;
import io.openfirecluster.control.SimulatedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Removes the simulated Docker hosts lab:hosts made, their swarm, volumes, network and the lab
 * registry, their hosts file and their sockets' directories; also what a killed run left. Stop
 * the lab on them first (lab:down), so each host's engine has stopped its own containers.
 */
@Mojo(name = "hosts-down", threadSafe = true)
public class HostsDownMojo extends AbstractHostsMojo {
    @Override
    protected void execute(DockerClient machine, Path hostsFile) throws IOException {
        SimulatedHosts.removeLeftovers(machine, SimulatedHosts.NETWORK, getLog()::info);
        Files.deleteIfExists(hostsFile);
        Path directory = hostsFile.toAbsolutePath().getParent();
        if (Files.isDirectory(directory)) {
            // The directories of the engines' sockets, which lab:hosts made beside the file.
            try (Stream<Path> dirs = Files.list(directory)) {
                for (Path dir : dirs.filter(dir -> dir.getFileName().toString().matches("host[0-9]+") && Files.isDirectory(dir)).toList()) {
                    try (Stream<Path> inside = Files.walk(dir)) {
                        for (Path path : inside.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(path);
                        }
                    }
                }
            }
        }
        getLog().info("lab: the simulated Docker hosts are gone");
    }
}
