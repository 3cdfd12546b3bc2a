package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.NodeJvm;
import io.openfirecluster.topology.LabService;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints the lab as it runs: network, addresses, names, host ports, and the configured notes (users, rooms). */
@Mojo(name = "info", threadSafe = true)
public class InfoMojo extends AbstractLabMojo {
    /** Lines printed under the topology, e.g. the seeded users and rooms. */
    @Parameter
    private List<String> notes = new ArrayList<>();

    @Override
    protected void execute(LabNetwork lab) {
        StringBuilder out = new StringBuilder("\n").append(lab.topology().describe());
        // The nodes' Java, once they run (lab:info also prints a lab that is only configured).
        List<LabService> running = lab.topology().nodes().stream().filter(node -> lab.containers().state(lab.topology().container(node)).running()).toList();
        if (!running.isEmpty()) {
            out.append("  nodes on ").append(NodeJvm.summary(running.stream().map(node -> NodeJvm.of(lab, node)).toList())).append('\n');
        }
        notes.forEach(note -> out.append("  ").append(note).append('\n'));
        getLog().info(out);
    }
}
