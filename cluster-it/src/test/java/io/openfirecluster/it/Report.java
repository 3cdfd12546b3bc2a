package io.openfirecluster.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The lab's figures (start-up phases, memory, chat round trip, partition timing), measured from
 * what the containers logged and what the tests saw, never asserted. Each line is printed when
 * measured and all of them again when the test run ends (registered as a JUnit session listener).
 */
public final class Report implements LauncherSessionListener {
    private static final List<String> LINES = Collections.synchronizedList(new ArrayList<>());

    static void add(String line) {
        LINES.add(line);
        System.out.println("[report] " + line);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (LINES.isEmpty()) {
            return;
        }
        System.out.println("[report] ===== openfire-cluster lab report =====");
        synchronized (LINES) {
            LINES.forEach(line -> System.out.println("[report] " + line));
        }
    }

    /** Start-up phases, from the containers' start times and the first log line of each milestone. */
    static void startup(Lab lab) {
        List<String> services = new ArrayList<>(List.of("db", "lb"));
        services.addAll(Lab.NODES);
        Instant start = services.stream().map(s -> startedAt(lab, s)).min(Instant::compareTo).orElseThrow();
        Instant db = milestone(lab, "db", "database system is ready to accept connections");
        Instant nodes = Instant.MIN;
        Instant cluster = Instant.MIN;
        for (String node : Lab.NODES) {
            nodes = max(nodes, milestone(lab, node, "Finished processing all plugins"));
            // Openfire has joined a node to its cluster when it logs so; the last such event completes the cluster.
            cluster = max(cluster, DockerLog.last(lab.network.logs(lab.container(node)), Pattern.compile("node .* has joined the cluster"))
                    .orElseThrow(() -> new AssertionError(node + " never joined the cluster")));
        }
        Instant lb = startedAt(lab, "lb");
        add(String.format("%s lab, start-up from docker:start: db ready %s, all nodes up %s, cluster of %d formed %s, lb started %s",
                lab.topology.dualStack() ? "dual-stack" : "IPv4", seconds(start, db), seconds(start, nodes), Lab.NODES.size(),
                seconds(start, cluster), seconds(start, lb)));
        StringBuilder memory = new StringBuilder("memory:");
        for (String node : Lab.NODES) {
            memory.append(' ').append(node).append(' ').append(lab.memoryMiB(node)).append(" MiB");
        }
        memory.append(", db ").append(lab.memoryMiB("db")).append(" MiB, lb ").append(lab.memoryMiB("lb")).append(" MiB");
        add(memory.toString());
    }

    static String seconds(Instant from, Instant to) {
        return String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }

    private static Instant startedAt(Lab lab, String service) {
        return Instant.parse(lab.network.docker().inspectContainerCmd(lab.container(service)).exec().getState().getStartedAt());
    }

    private static Instant milestone(Lab lab, String service, String regex) {
        return DockerLog.first(lab.network.logs(lab.container(service)), Pattern.compile(regex))
                .orElseThrow(() -> new AssertionError(service + " never logged '" + regex + "'"));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
