package io.openfirecluster.control;

import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which node holds the outgoing server-to-server route to a remote domain, as Openfire's routing
 * tables say it (the lab plugin's view of every running node of the other domains; the routing
 * table is a cluster-wide cache, so every node of a cluster names the holder). In a cluster one
 * node holds the route and the others send through it; a fault can aim at "route:DOMAIN".
 */
public final class RouteHolders {
    /** The prefix of a fault target that names the holder of the route to a domain: "route:otherxmpp.localhost.example". */
    public static final String PREFIX = "route:";

    private RouteHolders() {
    }

    /** Whether TARGET names a route's holder ("route:DOMAIN") rather than a service. */
    public static boolean isRoute(String target) {
        return target != null && target.trim().startsWith(PREFIX);
    }

    /**
     * The nodes the routing tables of the nodes outside REMOTE name as holding an outgoing route
     * from a domain of the lab to REMOTE itself (not from or to subdomains, such as a conference
     * service: the route conference.D -> REMOTE is a route of its own and may be held by another
     * node); empty when there is none (nothing was sent there yet, or every node that could tell
     * is down). More than one means the cluster holds the route twice.
     */
    public static SortedSet<String> of(LabNetwork lab, String remote) {
        Topology topology = lab.topology();
        requireDomain(topology, remote);
        List<OpenfireView> views = new ArrayList<>();
        for (LabService node : topology.nodes()) {
            if (!node.getDomain().equals(remote)) {
                OpenfireView.read(lab, topology.container(node), List.of()).ifPresent(views::add);
            }
        }
        return holders(views, topology.domains(), remote);
    }

    /** Of VIEWS, the nodes named as holding an outgoing route from one of the DOMAINS to REMOTE itself. */
    static SortedSet<String> holders(Collection<OpenfireView> views, Collection<String> domains, String remote) {
        SortedSet<String> holders = new TreeSet<>();
        for (OpenfireView view : views) {
            view.s2sOutgoing().stream().filter(route -> route.remote().equals(remote) && domains.contains(route.local()) && !route.node().isEmpty())
                    .forEach(route -> holders.add(route.node()));
        }
        return holders;
    }

    /**
     * TARGET as a service name: "route:DOMAIN" is the node that holds the outgoing route to DOMAIN
     * now (the first by name if the cluster holds it twice); any other target is returned trimmed.
     * One line naming what to do when no node of the lab holds the route.
     */
    public static String resolve(LabNetwork lab, String target) {
        if (!isRoute(target)) {
            return target == null ? null : target.trim();
        }
        String remote = target.trim().substring(PREFIX.length()).trim();
        return node(of(lab, remote), lab.topology().nodeNames(), remote);
    }

    /**
     * Of HOLDERS, the first that is one of the lab's NODES. A holder the plugin could not name
     * (a node ID: while a node's view of its cluster is changing, e.g. in the 30 s after a split
     * brain heals, it names a holder outside its view by ID) is never a target.
     */
    static String node(SortedSet<String> holders, List<String> nodes, String remote) {
        if (holders.isEmpty()) {
            throw new LabException("no node holds an outgoing route to " + remote + " now: send a message there first (the route is made on"
                    + " demand), then see the holder with lab:status");
        }
        return holders.stream().filter(nodes::contains).findFirst().orElseThrow(() -> new LabException("the routing tables name "
                + String.join(",", holders) + " as holding the route to " + remote + ", no node of the lab by name: a node's view of its"
                + " cluster is changing; wait until lab:await says healthy, then try again"));
    }

    private static void requireDomain(Topology topology, String remote) {
        if (remote == null || remote.isBlank() || !topology.domains().contains(remote)) {
            throw new LabException(PREFIX + remote + " names no domain of this lab: give " + PREFIX + "DOMAIN with DOMAIN one of "
                    + topology.domains() + (topology.domains().isEmpty() ? " (a lab of one domain has no routes: start -Dlab.shape=cluster-with-federation)" : ""));
        }
    }
}
