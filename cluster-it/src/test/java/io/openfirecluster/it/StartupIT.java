package io.openfirecluster.it;

import io.openfirecluster.control.DockerLog;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.topology.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every node of the lab started Openfire and joined the cluster; how long each phase took from
 * docker:start, and the memory each container uses, go to the report (measured, never asserted).
 */
class StartupIT {
    @Test
    void everyNodeStartedOpenfireAndJoinedTheCluster() {
        Lab lab = Lab.get();
        List<String> services = new ArrayList<>(List.of("db", "lb"));
        services.addAll(lab.nodes());
        Instant start = services.stream().map(s -> startedAt(lab, s)).min(Instant::compareTo).orElseThrow();
        Instant nodesUp = Instant.MIN;
        Instant formed = Instant.MIN;
        for (String node : lab.nodes()) {
            nodesUp = max(nodesUp, milestone(lab, node, "Finished processing all plugins"));
            // A node's own first "This node ... has joined the cluster" is its join at start-up (other
            // tests may have restarted it since; its log holds every run): the last of these is when
            // the cluster first formed.
            formed = max(formed, milestone(lab, node, "This node .* has joined the cluster"));
        }
        int hosts = lab.topology().topology().dockerHosts().size();
        Report.add(String.format("%s lab of %d nodes%s, start-up from docker:start: db ready %s, all nodes up %s, cluster formed %s, lb started %s",
                lab.topology().dualStack() ? "dual-stack" : "IPv4", lab.nodes().size(), hosts == 0 ? "" : " across " + hosts + " Docker hosts",
                Lab.seconds(start, milestone(lab, "db", "database system is ready to accept connections")),
                Lab.seconds(start, nodesUp), Lab.seconds(start, formed), Lab.seconds(start, startedAt(lab, "lb"))));
        Duration formedAfter = Duration.between(start, formed);
        peerFormed(lab.nodes().size()).ifPresent(peer -> Report.add(String.format(Locale.ROOT,
                "start-up across %d Docker hosts: cluster formed %s after the start; on one host (cluster-it's lab) %s: ratio %.2f",
                hosts, Format.seconds(formedAfter), peer, formedAfter.toMillis() / 1000.0 / Double.parseDouble(peer.replace(" s", "")))));
        StringBuilder memory = new StringBuilder("memory:");
        for (String service : services) {
            memory.append(' ').append(service).append(' ').append(lab.memoryMiB(service)).append(" MiB");
        }
        Report.add(memory.toString());
    }

    /**
     * When the cluster formed in the peer lab of this run (lab.peer.report: the figures file of the
     * one-host lab, e.g. cluster-it's before the lab across hosts), for a lab of NODES nodes; empty
     * without one.
     */
    private static Optional<String> peerFormed(int nodes) {
        String file = System.getProperty("lab.peer.report", "");
        if (file.isEmpty() || !Files.isRegularFile(Path.of(file))) {
            return Optional.empty();
        }
        Pattern line = Pattern.compile("^IPv4 lab of " + nodes + " nodes, start-up from docker:start: .* cluster formed ([0-9.]+ s),");
        try {
            return Files.readAllLines(Path.of(file)).stream().map(line::matcher).filter(Matcher::find)
                    .map(found -> found.group(1)).reduce((first, last) -> last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Instant startedAt(Lab lab, String service) {
        return lab.state(service).startedAt().orElseThrow(() -> new AssertionError(service + " has not started"));
    }

    private static Instant milestone(Lab lab, String service, String regex) {
        return lab.logLines(service).stream().filter(Pattern.compile(regex).asPredicate()).findFirst().map(DockerLog::timestamp)
                .orElseThrow(() -> new AssertionError(service + " never logged '" + regex + "'"));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
