package io.openfirecluster.federation;

import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.topology.Topology;
import io.openfirecluster.topology.XmppDomain;
import java.util.Comparator;
import java.util.List;

/**
 * The lab's XMPP domains as its topology has them (lab:up's target/lab/topology.properties,
 * {@link XmppDomain}): each with its nodes, users and rooms.
 */
record Domains(Domain home, Domain remote) {
    /** One XMPP domain of the lab. */
    record Domain(String name, List<String> nodes, List<String> users, List<String> rooms) {
        String conference() {
            return "conference." + name;
        }

        String user(int index) {
            return users.get(index);
        }
    }

    /**
     * The lab (ready: every domain's cluster formed) as two domains: HOME, the one with the most
     * nodes (the cluster, where there is one; else the first), and REMOTE, another one.
     */
    static Domains of(Lab lab) {
        ResolvedTopology resolved = lab.topology();
        Topology topology = resolved.topology();
        List<Domain> domains = XmppDomain.of(topology, "").stream().map(Domains::domain).toList();
        if (domains.size() < 2) {
            throw new IllegalStateException("this lab has " + domains.size() + " XMPP domain(s): run it with -Dlab.shape=federation or cluster-with-federation");
        }
        Domain home = domains.stream().max(Comparator.comparingInt((Domain d) -> d.nodes().size())
                .thenComparing(d -> -domains.indexOf(d))).orElseThrow();
        Domain remote = domains.stream().filter(d -> d != home).findFirst().orElseThrow();
        return new Domains(home, remote);
    }

    private static Domain domain(XmppDomain domain) {
        return new Domain(domain.name(), domain.nodes(), domain.users(), domain.rooms());
    }
}
