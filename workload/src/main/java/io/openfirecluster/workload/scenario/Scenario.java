package io.openfirecluster.workload.scenario;

import io.openfirecluster.workload.LabClients;
import io.openfirecluster.control.Fault;
import io.openfirecluster.control.RouteHolders;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A fault timeline for a consistency run: {@code none}; FAULT-NODE (e.g. {@code isolate-xmpp3}) on
 * a node of the cluster; or FAULT-route (e.g. {@code crash-route}) on the node that holds the
 * cluster's outgoing server-to-server route to the lab's other domain at the moment the fault is
 * applied. The fault comes a quarter into the workload and is healed at half time, so the history
 * has traffic before, during and after it. The fault is a lab-control {@link Fault} value (the same
 * as the lab:... goals make); NAME is how the run and its reports call it.
 *
 * @param name    the scenario's name: none, isolate-xmpp3, crash-route
 * @param target  the node the fault is on, or "route:DOMAIN" (resolved when it is applied, see
 *                {@link RouteHolders}); "" for none
 * @param faultOn the fault on a node (of the cluster), null for none
 */
public record Scenario(String name, String target, Function<String, Fault> faultOn) {
    /** The faults a scenario can name on a node; "partition" puts NODE alone against the rest of its cluster, "loss" loses 20 %. */
    public static final List<String> FAULTS = List.of("isolate", "partition", "crash", "pause", "dbcut", "loss");
    /** The faults a scenario can aim at the route's holder ("s2scut" cuts it off the other domain's servers). */
    public static final List<String> ROUTE_FAULTS = List.of("crash", "isolate", "s2scut");
    /** The word that stands for the route's holder in a scenario's name: crash-route. */
    public static final String ROUTE = "route";
    private static final int LOSS_PERCENT = 20;

    /**
     * NAME checked against the lab: FAULT-NODE for a node of the cluster (the domain with the most
     * nodes: Openfire's cluster; faults act within one domain), FAULT-route where the lab has a
     * second domain. One line listing the valid names otherwise.
     */
    public static Scenario parse(String name, Topology topology) {
        String text = name == null ? "" : name.trim();
        if (text.equals("none")) {
            return new Scenario("none", "", null);
        }
        List<String> cluster = clusterNodes(topology);
        List<String> remotes = remoteDomains(topology);
        int dash = text.indexOf('-');
        String kind = dash < 0 ? text : text.substring(0, dash);
        String node = dash < 0 ? "" : text.substring(dash + 1);
        if (node.equals(ROUTE) && ROUTE_FAULTS.contains(kind)) {
            if (remotes.isEmpty()) {
                throw new LabException("lab.scenario=" + name + " aims at the route to another XMPP domain and this lab has one domain:"
                        + " start it with -Dlab.shape=cluster-with-federation, or give one of " + names(cluster, List.of()));
            }
            String remote = remotes.get(0);
            return new Scenario(text, RouteHolders.PREFIX + remote, holder -> routeFault(kind, holder, remote));
        }
        if (!FAULTS.contains(kind) || !cluster.contains(node)) {
            throw new LabException("lab.scenario=" + name + " is not a scenario: give one of " + names(cluster, remotes));
        }
        if (kind.equals("partition") && cluster.size() < 2) {
            throw new LabException("lab.scenario=" + name + " needs two nodes or more in the cluster; this lab has " + cluster.size());
        }
        return new Scenario(text, node, on -> nodeFault(kind, on, cluster));
    }

    public boolean hasFault() {
        return faultOn != null;
    }

    /** Whether the fault aims at a route's holder, which only the running lab can name. */
    public boolean aimsAtRoute() {
        return RouteHolders.isRoute(target);
    }

    /** The fault of a scenario on a named node (FAULT-NODE); a route's holder is resolved first, see {@link #faultOn(String)}. */
    public Fault fault() {
        if (!hasFault() || aimsAtRoute()) {
            throw new IllegalStateException(name + " has no fault on a named node" + (aimsAtRoute() ? ": resolve " + target + " first" : ""));
        }
        return faultOn.apply(target);
    }

    /** The fault on NODE (the target, or the route's holder it resolved to). */
    public Fault faultOn(String node) {
        if (!hasFault()) {
            throw new IllegalStateException(name + " has no fault");
        }
        return faultOn.apply(node);
    }

    /**
     * How the history names the fault on NODE: the scenario's name, with the node it resolved to
     * when it aims at a route ("crash-route (xmpp2)"), so the report says which node it hit.
     */
    public String describe(String node) {
        return aimsAtRoute() ? name + " (" + node + ")" : name;
    }

    /** The nodes of the lab's cluster: of the domain with the most nodes (the first on ties), or all of a one-domain lab. */
    static List<String> clusterNodes(Topology topology) {
        if (topology.domains().isEmpty()) {
            return topology.nodeNames();
        }
        return topology.nodesOf(homeDomain(topology)).stream().map(service -> service.getName()).toList();
    }

    /** The domain of the lab's cluster: the one with the most nodes (the first on ties); the lab's own domain in a one-domain lab. */
    static String homeDomain(Topology topology) {
        List<String> domains = topology.domains();
        if (domains.isEmpty()) {
            return LabClients.DOMAIN;
        }
        return domains.stream().max(Comparator.comparingInt((String d) -> topology.nodesOf(d).size())
                .thenComparing(d -> -domains.indexOf(d))).orElseThrow();
    }

    /** The lab's other domains, in topology order (empty in a one-domain lab). */
    static List<String> remoteDomains(Topology topology) {
        String home = homeDomain(topology);
        return topology.domains().stream().filter(domain -> !domain.equals(home)).toList();
    }

    private static Fault nodeFault(String kind, String node, List<String> cluster) {
        return switch (kind) {
            case "isolate" -> new Fault.Isolate(node);
            case "partition" -> Fault.Partition.alone(node, cluster);
            case "crash" -> new Fault.Crash(node);
            case "pause" -> new Fault.Pause(node);
            case "dbcut" -> new Fault.Dbcut(node);
            case "loss" -> new Fault.Loss(node, LOSS_PERCENT);
            default -> throw new IllegalStateException(kind);
        };
    }

    private static Fault routeFault(String kind, String holder, String remote) {
        return switch (kind) {
            case "crash" -> new Fault.Crash(holder);
            case "isolate" -> new Fault.Isolate(holder);
            case "s2scut" -> new Fault.S2sCut(holder, remote);
            default -> throw new IllegalStateException(kind);
        };
    }

    /** Every valid name: none, each FAULT-NODE of the cluster (partition only with two nodes), and FAULT-route with another domain. */
    private static String names(List<String> cluster, List<String> remotes) {
        List<String> names = new ArrayList<>(List.of("none"));
        for (String kind : FAULTS) {
            if (!kind.equals("partition") || cluster.size() >= 2) {
                cluster.forEach(node -> names.add(kind + "-" + node));
            }
        }
        if (!remotes.isEmpty()) {
            ROUTE_FAULTS.forEach(kind -> names.add(kind + "-" + ROUTE));
        }
        return String.join(", ", names);
    }
}
