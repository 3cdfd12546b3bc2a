package io.openfirecluster.topology;

import java.util.Arrays;
import java.util.List;

/**
 * One XMPP domain of the lab as its topology has it: its nodes, and the users and rooms its
 * database was seeded with. The db image's seed has user1, user2, muc1 and muc2; a database of
 * another domain renames them to its LAB_USERS and LAB_ROOMS (db's entrypoint).
 */
public record XmppDomain(String name, List<String> nodes, List<String> users, List<String> rooms) {
    static final String SEED_USERS = "user1,user2";
    static final String SEED_ROOMS = "muc1,muc2";

    public String conference() {
        return "conference." + name;
    }

    /**
     * Every domain of TOPOLOGY, in topology order; a one-domain lab (no service tagged with a
     * domain) is the one domain UNTAGGED.
     */
    public static List<XmppDomain> of(Topology topology, String untagged) {
        List<String> names = topology.domains().isEmpty() ? List.of("") : topology.domains();
        return names.stream().map(name -> of(topology, name, name.isEmpty() ? untagged : name)).toList();
    }

    private static XmppDomain of(Topology topology, String tag, String name) {
        List<LabService> nodes = topology.nodesOf(tag);
        if (nodes.isEmpty()) {
            throw new LabException("the XMPP domain " + name + " has no nodes: give it at least one");
        }
        LabService db = topology.after(nodes.get(0)).stream().filter(s -> !s.isNode()).findFirst()
                .orElseThrow(() -> new LabException("the nodes of " + name + " start after no database: set <after> in the node template"));
        return new XmppDomain(name, nodes.stream().map(LabService::getName).toList(),
                list(db.getEnv().getOrDefault("LAB_USERS", SEED_USERS)), list(db.getEnv().getOrDefault("LAB_ROOMS", SEED_ROOMS)));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
