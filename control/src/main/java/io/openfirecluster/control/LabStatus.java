package io.openfirecluster.control;

import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lab as it is now, per node: what Hazelcast and Openfire each say the cluster is, how many
 * client sessions it holds, Docker's health verdict, and the faults active on it. One table, from
 * the servers' own answers (Hazelcast REST, Openfire's cluster events, the kernel's socket table).
 */
public final class LabStatus {
    private static final Duration COMMAND = Duration.ofSeconds(5);

    private LabStatus() {
    }

    /** One node's row. */
    public record NodeRow(String node, String state, List<String> hazelcastMembers, Set<String> openfireView, int c2sSessions, List<String> faults) {
    }

    public static List<NodeRow> read(LabNetwork lab) {
        Topology topology = lab.topology();
        Map<String, List<String>> faults = new Faults(lab).active();
        List<NodeRow> rows = new ArrayList<>();
        Map<String, List<String>> logs = new java.util.HashMap<>();
        Map<String, String> ids = new java.util.HashMap<>();
        for (LabService node : topology.nodes()) {
            List<String> lines = lab.containers().logs(topology.container(node)).lines().toList();
            logs.put(node.getName(), lines);
            ids.putAll(OpenfireClusterEvents.nodeIds(lines));
        }
        for (LabService node : topology.nodes()) {
            String container = topology.container(node);
            String state = state(lab, container);
            List<String> members = List.of();
            Set<String> view = Set.of();
            if (state.startsWith("running")) {
                Containers.ExecResult rest = lab.containers().exec(container, COMMAND, "/opt/openfire-lab/hazelcast-rest", "/hazelcast/rest/cluster");
                members = rest.exitCode() == 0 ? HazelcastMembers.parse(rest.output()) : List.of();
                view = OpenfireClusterEvents.knownNodes(logs.get(node.getName()), ids);
            }
            rows.add(new NodeRow(node.getName(), state, members, view, c2sSessions(lab, topology.holder(node)), faults.getOrDefault(node.getName(), List.of())));
        }
        return rows;
    }

    /** The rows as a table, plus the faults of the services that are not nodes. */
    public static String table(LabNetwork lab) {
        List<NodeRow> rows = read(lab);
        StringBuilder out = new StringBuilder(String.format("%-7s %-18s %-9s %-26s %-4s %s%n", "node", "state", "hazelcast", "openfire cluster", "c2s", "faults"));
        for (NodeRow row : rows) {
            out.append(String.format("%-7s %-18s %-9s %-26s %-4d %s%n", row.node(), row.state(),
                    row.hazelcastMembers().isEmpty() ? "-" : row.hazelcastMembers().size() + " members",
                    row.openfireView().isEmpty() ? "-" : String.join(",", row.openfireView()), row.c2sSessions(),
                    row.faults().isEmpty() ? "none" : String.join("; ", row.faults())));
        }
        for (Map.Entry<String, List<String>> service : new Faults(lab).active().entrySet()) {
            if (!lab.topology().service(service.getKey()).isNode() && !service.getValue().isEmpty()) {
                out.append(String.format("%-7s faults: %s%n", service.getKey(), String.join("; ", service.getValue())));
            }
        }
        return out.toString();
    }

    private static String state(LabNetwork lab, String container) {
        try {
            ContainerState state = lab.containers().state(container);
            return (state.paused() ? "paused" : state.status()) + state.health().map(health -> " " + health).orElse("");
        } catch (RuntimeException e) {
            return "absent";
        }
    }

    /** Established TCP connections to port 5222 in the node's namespace (read in its holder). */
    static int c2sSessions(LabNetwork lab, String holder) {
        Containers.ExecResult table = lab.containers().exec(holder, COMMAND, "cat", "/proc/net/tcp", "/proc/net/tcp6");
        // Columns: sl local_address rem_address st ...; 1466 is port 5222 in hex, 01 is ESTABLISHED.
        return (int) table.output().lines().map(String::trim).map(line -> line.split("\\s+"))
                .filter(cols -> cols.length > 3 && cols[1].endsWith(":1466") && cols[3].equals("01")).count();
    }
}
