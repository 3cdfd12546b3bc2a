package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.XmppDomain;
import io.openfirecluster.control.NodeJvm;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Prints the lab as it runs: network, addresses, names, host ports, and the configured notes
 * (each XMPP domain's users and rooms; the module's notes). The table goes to standard output, not through Maven's log, so
 * {@code ./mvnw -q -pl cluster-it lab:info} prints just the table. In a build for play
 * ({@code -Dplay}) it is printed after the build's last line, with the commands that go on from
 * there, so what the person started the build for is what the screen shows when it returns.
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

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

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
        if (!play()) {
            System.out.print(out);
            System.out.flush();
            return;
        }
        out.append(nextSteps(lab.topology()));
        // The modules after this one and Maven's summary would scroll the lab away. Maven ends
        // its process with System.exit once the build is over, which runs the JVM's shutdown
        // hooks: the text, made now while the lab is at hand, is printed then, as the last thing.
        String text = out.toString();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.print("\n" + text);
            System.out.flush();
        }, "lab-info-after-the-build"));
        getLog().info("lab: the lab's addresses, ports, users and rooms are printed when the build ends");
    }

    /** " -Dlab.scenario=crash-NODE" where the lab takes that scenario (a node of a cluster), else "" (the fault-free run). */
    private static String crashScenario(Topology topology, String node) {
        try {
            io.openfirecluster.workload.scenario.Scenario.parse("crash-" + node, topology);
            return " -Dlab.scenario=crash-" + node;
        } catch (LabException notHere) {
            return "";
        }
    }

    /** The commands from here: status, a fault and its heal, stopping; run from the checkout's root. */
    private String nextSteps(Topology topology) {
        String module = session.getTopLevelProject().getBasedir().toPath().relativize(project.getBasedir().toPath()).toString();
        String mvnw = "./mvnw -pl " + (module.isEmpty() ? "." : module);
        String node = topology.nodes().get(topology.nodes().size() > 1 ? 1 : 0).getName();
        return "The lab runs until you stop it:\n"
                + "  status      " + mvnw + " -q lab:status\n"
                + "  break       " + mvnw + " lab:isolate -Dlab.service=" + node + "   (every fault: docs/faults.md)\n"
                + "  heal        " + mvnw + " lab:heal\n"
                + "  check       " + mvnw + " lab:check" + crashScenario(topology, node) + "\n"
                + "  stop        " + mvnw + " lab:down\n";
    }
}
