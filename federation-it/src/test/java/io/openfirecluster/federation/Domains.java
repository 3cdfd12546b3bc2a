package io.openfirecluster.federation;

import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.topology.Topology;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The lab's XMPP domains as its topology has them (lab:up's target/lab/topology.properties): each
 * with its nodes, and its users and rooms as its database was seeded (db's entrypoint re-domains
 * the seed to LAB_USERS and LAB_ROOMS; without them, the seed's user1,user2 and muc1,muc2).
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
        List<Domain> domains = topology.domains().stream().map(name -> domain(topology, name)).toList();
        if (domains.size() < 2) {
            throw new IllegalStateException("this lab has " + domains.size() + " XMPP domain(s): run it with -Dlab.shape=federation or cluster-with-federation");
        }
        Domain home = domains.stream().max(Comparator.comparingInt((Domain d) -> d.nodes().size())
                .thenComparing(d -> -domains.indexOf(d))).orElseThrow();
        Domain remote = domains.stream().filter(d -> d != home).findFirst().orElseThrow();
        return new Domains(home, remote);
    }

    private static Domain domain(Topology topology, String name) {
        List<String> nodes = topology.nodesOf(name).stream().map(LabService::getName).toList();
        LabService db = topology.after(topology.nodesOf(name).get(0)).stream().filter(s -> !s.isNode()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the nodes of " + name + " start after no database"));
        return new Domain(name, nodes, list(db.getEnv().getOrDefault("LAB_USERS", "user1,user2")),
                list(db.getEnv().getOrDefault("LAB_ROOMS", "muc1,muc2")));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }
}
