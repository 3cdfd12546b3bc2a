package io.openfirecluster.control;

import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Columns;
import io.openfirecluster.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lab as it is now, per node: what Hazelcast and Openfire each say the cluster is, the node's
 * client and server-to-server sessions, Docker's health verdict, and the faults active on it; then
 * which node holds the outgoing server route to each remote domain. One table, from the servers'
 * own answers: Hazelcast's REST API, and Openfire's own view through the lab plugin (OpenfireView).
 */
public final class LabStatus {
    private static final Duration COMMAND = Duration.ofSeconds(5);

    private LabStatus() {
    }

    /** One node's row; OPENFIRE is empty while the lab plugin does not answer (Openfire starting, node stopped). */
    public record NodeRow(String node, String state, List<String> hazelcastMembers, Optional<OpenfireView> openfire, List<String> faults) {
        /** This node's server-to-server sessions: "in:DOMAIN" for incoming ones it holds, "out:DOMAIN" for outgoing routes it holds. */
        public List<String> s2s() {
            List<String> sessions = new ArrayList<>();
            openfire.ifPresent(view -> {
                view.s2sIncoming().stream().filter(in -> in.here() > 0).forEach(in -> sessions.add("in:" + in.domain()));
                view.s2sOutgoing().stream().filter(out -> out.node().equals(node)).forEach(out -> sessions.add("out:" + out.remote()));
            });
            // Once per remote domain: routes from the domain and from its conference service go to the same peer.
            return sessions.stream().distinct().toList();
        }
    }

    public static List<NodeRow> read(LabNetwork lab) {
        Topology topology = lab.topology();
        Map<String, List<String>> faults = new Faults(lab).active();
        List<NodeRow> rows = new ArrayList<>();
        for (LabService node : topology.nodes()) {
            String container = topology.container(node);
            String state = state(lab, container);
            List<String> members = List.of();
            Optional<OpenfireView> openfire = Optional.empty();
            if (state.startsWith("running")) {
                Containers.ExecResult rest = lab.containers().exec(container, COMMAND, "/opt/openfire-lab/hazelcast-rest", "/hazelcast/rest/cluster");
                members = rest.exitCode() == 0 ? HazelcastMembers.parse(rest.output()) : List.of();
                openfire = OpenfireView.read(lab, container, List.of());
            }
            rows.add(new NodeRow(node.getName(), state, members, openfire, faults.getOrDefault(node.getName(), List.of())));
        }
        return rows;
    }

    /** The rows as a table, the outgoing server routes, and the faults of the services that are not nodes. */
    public static String table(LabNetwork lab) {
        List<NodeRow> rows = read(lab);
        Topology topology = lab.topology();
        // Across hosts, where each node runs; a column empty in every row takes no room on one host.
        boolean hosts = !topology.dockerHosts().isEmpty();
        Columns table = new Columns().row("node", hosts ? "host" : "", "state", "hazelcast", "openfire cluster", "c2s", "s2s", "faults");
        String domain = null;
        for (NodeRow row : rows) {
            // A lab of more domains: each domain's nodes under its name (the one-domain lab tags none).
            String rowDomain = topology.service(row.node()).getDomain();
            if (!rowDomain.isEmpty() && !rowDomain.equals(domain)) {
                int size = topology.nodesOf(rowDomain).size();
                table.line("domain " + rowDomain + (size == 1 ? " (standalone)" : " (cluster of " + size + ")"));
                domain = rowDomain;
            }
            table.row(row.node(), topology.service(row.node()).getDockerHost().name(), row.state(),
                    row.hazelcastMembers().isEmpty() ? "-" : row.hazelcastMembers().size() + " members",
                    row.openfire().map(view -> String.join(",", view.members()) + (view.senior() ? " (senior)" : "")).orElse("-"),
                    row.openfire().map(view -> String.valueOf(view.c2sSessions())).orElse("-"),
                    row.openfire().isEmpty() ? "-" : row.s2s().isEmpty() ? "none" : String.join(",", row.s2s()),
                    row.faults().isEmpty() ? "none" : String.join("; ", row.faults()));
        }
        StringBuilder out = new StringBuilder(table.render(""));
        out.append(routes(rows));
        for (Map.Entry<String, List<String>> service : new Faults(lab).active().entrySet()) {
            if (!lab.topology().service(service.getKey()).isNode() && !service.getValue().isEmpty()) {
                out.append(service.getKey()).append(" faults: ").append(String.join("; ", service.getValue())).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * "s2s: none", or per route (local domain -> remote domain) the node(s) the routing tables of
     * the nodes name as holding it; a route named with more than one holder is marked "held twice".
     */
    static String routes(List<NodeRow> rows) {
        Map<String, Set<String>> holders = new TreeMap<>();
        for (NodeRow row : rows) {
            row.openfire().ifPresent(view -> view.s2sOutgoing().forEach(route ->
                    holders.computeIfAbsent(route.local() + " -> " + route.remote(), k -> new TreeSet<>())
                            .add(route.node().isEmpty() ? "?" : route.node())));
        }
        if (holders.isEmpty()) {
            return "s2s: none\n";
        }
        StringBuilder out = new StringBuilder();
        // One route, one holder: a route two nodes' routing tables name differently is what OF-2280 and OF-3283 describe.
        // A holder named by ID is a node outside the asking node's view of its cluster (it is changing), not a second holder.
        List<String> lab = rows.stream().map(NodeRow::node).toList();
        holders.forEach((route, nodes) -> {
            long named = nodes.stream().filter(lab::contains).count();
            List<String> unnamed = nodes.stream().filter(node -> !lab.contains(node)).toList();
            out.append("s2s route ").append(route).append(": held by ").append(String.join(",", nodes))
                    .append(named == 2 ? " (held twice)" : named > 2 ? " (held " + named + " times)" : "")
                    .append(unnamed.isEmpty() ? "" : " (" + String.join(",", unnamed) + ": a node some node's view of its cluster cannot name now)")
                    .append('\n');
        });
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
}
