package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.XmppDomain;
import io.openfirecluster.control.NodeJvm;
import io.openfirecluster.topology.LabService;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the lab as it runs: network, addresses, names, host ports, and the configured notes
 * (each XMPP domain's users and rooms; the module's notes). The table goes to standard output, not through Maven's log, so
 * {@code ./mvnw -q -pl cluster-it lab:info} prints just the table.
 */
@Mojo(name = "info", threadSafe = true)
public class InfoMojo extends AbstractLabMojo {
    /** The node's JDWP agent, in the container (openfire-image): published, but only listening with openfire.debug. */
    static final int JDWP_PORT = 5005;

    /** Lines printed under the topology, e.g. the seeded users and rooms. */
    @Parameter
    private List<String> notes = new ArrayList<>();

    /** The nodes run a JDWP agent (root pom property openfire.debug): only then are its ports listed. */
    @Parameter(property = "openfire.debug")
    private boolean debug;

    @Override
    protected void execute(LabNetwork lab) {
        StringBuilder out = new StringBuilder(lab.topology().describe(port -> debug || port.containerPort() != JDWP_PORT));
        // The nodes' Java, once they run (lab:info also prints a lab that is only configured).
        List<LabService> running = lab.topology().nodes().stream().filter(node -> lab.containers().state(lab.topology().container(node)).running()).toList();
        if (!running.isEmpty()) {
            out.append("  nodes on ").append(NodeJvm.summary(running.stream().map(node -> NodeJvm.of(lab, node)).toList())).append('\n');
        }
        for (XmppDomain domain : XmppDomain.of(lab.topology(), xmppDomain())) {
            out.append("  XMPP domain ").append(domain.name()).append(": users ").append(String.join(", ", domain.users())).append("; rooms ").append(String.join(", ", domain.rooms()))
                    .append(" at ").append(domain.conference()).append('\n');
        }
        notes.forEach(note -> out.append("  ").append(note).append('\n'));
        System.out.print(out);
        System.out.flush();
    }
}
