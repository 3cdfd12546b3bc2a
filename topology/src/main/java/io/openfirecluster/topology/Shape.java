package io.openfirecluster.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which XMPP domains a lab has and how each is laid out, chosen with {@code -Dlab.shape=NAME}. A
 * shape takes the pom's building blocks ({@link Blocks}: the database and load balancer services,
 * the node template, the node counts, the domain) and yields the {@link Topology}, every service
 * tagged with its domain. Shapes are Java, not Maven profiles, because a module's pom may set
 * {@code lab.shape} as a property (federation-it does), which no profile activation sees.
 *
 * <ul>
 * <li>{@code cluster} (default): the seed's lab, unchanged: nothing is tagged.</li>
 * <li>{@code cluster-with-federation}: the cluster, plus domain otherxmpp.SUFFIX with its own nodes
 * ({@code -Dlab.other.nodes}, one: standalone) and database; the load balancer answers for the
 * cluster's domain and its conference service, and publishes s2s on 55269/55270 instead of
 * 5269/5270, which are otherxmpp's (the upstream lab's numbers).</li>
 * <li>{@code federation}: two standalone servers on their own network, domains xmpp1.SUFFIX and
 * xmpp2.SUFFIX, each with its own database; no load balancer.</li>
 * </ul>
 * Each domain's nodes share their own alias ({@code nodes.DOMAIN}) for Hazelcast, so two domains
 * never join one cluster; the cluster's domain keeps lab.nodes.alias.
 */
public enum Shape {
    CLUSTER("cluster"),
    CLUSTER_WITH_FEDERATION("cluster-with-federation"),
    FEDERATION("federation");

    /** The other domain's first label in cluster-with-federation, and its database's name. */
    static final String OTHER = "otherxmpp";
    static final String OTHER_DB = "otherdb";
    /** federation's network (the upstream lab's). */
    static final String FEDERATION_SUBNET = "172.50.0.0/24";
    /** A DNS name: labels of letters, digits and inner '-', separated by dots. */
    private static final Pattern DNS_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final String label;

    Shape(String label) {
        this.label = label;
    }

    /** The shape named NAME (as -Dlab.shape gives it); one line naming the shapes otherwise. */
    public static Shape named(String name) {
        String wanted = name == null || name.isBlank() ? CLUSTER.label : name.trim();
        return Arrays.stream(values()).filter(shape -> shape.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new LabException("lab.shape=" + name + " is not a shape of the lab: give one of "
                        + Arrays.stream(values()).map(Shape::label).toList() + " (default cluster)"));
    }

    public String label() {
        return label;
    }

    /**
     * What a shape is made from, as the pom configures it. SUBNET6 is null in an IPv4-only lab;
     * SERVICES are the configured ones (db, lb), TEMPLATE the node template.
     */
    public record Blocks(String network, String subnet, String subnet6, String bind, String dnsSuffix,
                         List<LabService> services, NodeTemplate template, String nodes, String otherNodes,
                         String xmppDomain, String nodesAlias) {
    }

    /** The lab of this shape; one line for bad input (a name that is not a DNS name, a count outside 1..9). */
    public Topology topology(Blocks blocks) {
        if (this == CLUSTER) {
            return new Topology(blocks.network(), blocks.subnet(), blocks.subnet6(), blocks.bind(), blocks.dnsSuffix(),
                    Topology.withNodes(blocks.services(), blocks.template(), blocks.nodes()));
        }
        checkDnsName("lab.dns.suffix", blocks.dnsSuffix());
        // Federation's two servers do not follow lab.nodes, but a count no shape takes is still a mistake to say.
        NodeTemplate.count(blocks.nodes());
        if (blocks.template() == null) {
            throw new LabException("lab.shape=" + label + " needs the <node> template of lab-network-maven-plugin");
        }
        return this == FEDERATION ? federation(blocks) : clusterWithFederation(blocks);
    }

    /** The database services of TOPOLOGY (made by this shape): where Openfire properties are seeded. */
    public List<String> databases(Topology topology) {
        List<String> names = switch (this) {
            case CLUSTER -> List.of("db");
            case CLUSTER_WITH_FEDERATION -> List.of("db", OTHER_DB);
            case FEDERATION -> List.of("db1", "db2");
        };
        return names.stream().filter(name -> topology.services().stream().anyMatch(s -> s.getName().equals(name))).toList();
    }

    private static Topology federation(Blocks blocks) {
        LabService db = database(blocks);
        List<LabService> services = new ArrayList<>();
        List<LabService> templated = blocks.template().nodes("2");
        for (int i = 1; i <= 2; i++) {
            LabService node = templated.get(i - 1);
            String domain = node.getName() + "." + blocks.dnsSuffix();
            String dbName = "db" + i;
            services.add(new LabService(dbName, 10 * i + 1, List.of(), List.of((5430 + i) + ":5432"))
                    .run(db.getImage(), db.getProcess(), List.of(), domainDb(domain, List.of("user" + (2 * i - 1), "user" + 2 * i),
                            List.of("muc" + (2 * i - 1), "muc" + 2 * i)))
                    .inDomain(domain));
            List<String> aliases = new ArrayList<>(node.getAliases());
            aliases.replaceAll(alias -> alias.equals(blocks.nodesAlias()) ? "nodes." + domain : alias);
            List<String> ports = new ArrayList<>(node.getPorts().stream().map(LabService.PortMapping::toString).toList());
            ports.add((7440 + i) + ":7443");
            services.add(new LabService(node.getName(), node.getHost(), aliases, ports)
                    .run(node.getImage(), node.getProcess(), List.of(dbName), nodeEnv(node.getEnv(), domain, dbName, blocks, 1))
                    .inDomain(domain).asNode());
        }
        return new Topology(blocks.network(), FEDERATION_SUBNET, blocks.subnet6(), blocks.bind(), blocks.dnsSuffix(), services);
    }

    private static Topology clusterWithFederation(Blocks blocks) {
        String main = blocks.xmppDomain();
        checkDnsName("xmpp.domain", main);
        String other = OTHER + "." + blocks.dnsSuffix();
        int count = otherCount(blocks.otherNodes());
        List<LabService> services = new ArrayList<>();
        for (LabService service : blocks.services()) {
            services.add(service.getName().equals("lb") ? frontOf(service, main) : service.inDomain(main));
        }
        blocks.template().nodes(blocks.nodes()).forEach(node -> services.add(node.inDomain(main)));
        LabService db = database(blocks);
        services.add(new LabService(OTHER_DB, 111, List.of(), List.of("5433:5432"))
                .run(db.getImage(), db.getProcess(), List.of(), domainDb(other, List.of("user1", "user2"), List.of("muc1", "muc2")))
                .inDomain(other));
        LabService template = blocks.template().nodes("1").get(0);
        for (int i = 1; i <= count; i++) {
            // One node keeps the upstream name and address; more are otherxmpp1.. after otherdb's 111.
            String name = count == 1 ? OTHER : OTHER + i;
            int host = count == 1 ? 110 : 111 + i;
            List<String> aliases = new ArrayList<>(List.of("conference." + other, "nodes." + other));
            if (count > 1) {
                aliases.add(0, other);
            }
            List<String> ports = List.of((5228 + i) + ":5222", (5268 + i) + ":5269", (9098 + i) + ":9090",
                    (7078 + i) + ":7070", (7448 + i) + ":7443");
            services.add(new LabService(name, host, aliases, ports)
                    .run(template.getImage(), template.getProcess(), List.of(OTHER_DB), nodeEnv(template.getEnv(), other, OTHER_DB, blocks, count))
                    .inDomain(other).asNode());
        }
        return new Topology(blocks.network(), blocks.subnet(), blocks.subnet6(), blocks.bind(), blocks.dnsSuffix(), services);
    }

    /**
     * The load balancer as the front of the cluster's domain: the domain and its conference service
     * resolve to it (another domain's server reaches the cluster through it, as in production), and
     * its s2s ports move to 55269/55270, giving 5269/5270 to otherxmpp.
     */
    private static LabService frontOf(LabService lb, String domain) {
        List<String> aliases = new ArrayList<>(lb.getAliases());
        aliases.add(domain);
        aliases.add("conference." + domain);
        List<String> ports = lb.getPorts().stream()
                .map(port -> port.hostPort() == 5269 || port.hostPort() == 5270 ? "5" + port : port.toString()).toList();
        return new LabService(lb.getName(), lb.getHost(), aliases, ports).run(lb.getImage(), lb.getProcess(), lb.getAfter(), lb.getEnv())
                .inDomain(domain);
    }

    /** The configured database service, whose image every domain's database runs. */
    private static LabService database(Blocks blocks) {
        return blocks.services().stream().filter(s -> s.getName().equals("db")).findFirst()
                .orElseThrow(() -> new LabException("a lab of more domains makes each domain's database from the <service> db: configure it"));
    }

    /** A database of DOMAIN: its entrypoint re-domains the image's seed (db/entrypoint.sh) before it is healthy. */
    private static Map<String, String> domainDb(String domain, List<String> users, List<String> rooms) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("XMPP_DOMAIN", domain);
        env.put("LAB_USERS", String.join(",", users));
        env.put("LAB_ROOMS", String.join(",", rooms));
        return env;
    }

    /** A node of DOMAIN: its database, its domain's alias, and clustering only with more than one node. */
    private static Map<String, String> nodeEnv(Map<String, String> template, String domain, String db, Blocks blocks, int count) {
        Map<String, String> env = new LinkedHashMap<>(template);
        env.put("DB_HOST", db + "." + blocks.dnsSuffix());
        env.put("NODES_ALIAS", "nodes." + domain);
        env.put("XMPP_DOMAIN", domain);
        env.put("CLUSTERING", Boolean.toString(count > 1));
        return env;
    }

    private static int otherCount(String text) {
        try {
            int count = Integer.parseInt(text == null ? "" : text.trim());
            if (count >= 1 && count <= NodeTemplate.MAX_NODES) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LabException("lab.other.nodes=" + text + " is not a number of otherxmpp nodes from 1 to " + NodeTemplate.MAX_NODES
                + ": give e.g. -Dlab.other.nodes=2");
    }

    private static void checkDnsName(String property, String name) {
        if (name == null || name.length() > 253 || !DNS_NAME.matcher(name).matches()) {
            throw new LabException(property + "=" + name + " is not a DNS name (letters, digits, '-' and dots): give e.g. -D" + property + "=localhost.example");
        }
    }
}
