package io.openfirecluster.topology;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The topology as lab:up resolved it (target/lab/topology.properties), for tests: they read the
 * real host ports and names from here instead of repeating them. A properties file carries any
 * value intact (store() escapes newlines and the like); lists are one key an item and the
 * environment one key a variable (see {@link Topology#toProperties()}), so no value is split.
 */
public final class ResolvedTopology {
    private final Properties properties;

    private ResolvedTopology(Properties properties) {
        this.properties = properties;
    }

    /** Loads the file named by the system property {@code lab.topology} (set by the module's failsafe config). */
    public static ResolvedTopology fromSystemProperty() {
        String file = System.getProperty("lab.topology");
        if (file == null) {
            throw new LabException("system property lab.topology is not set: run the tests through Maven (failsafe), after lab:up");
        }
        return load(Path.of(file));
    }

    /** Writes TOPOLOGY as the file {@link #load} reads (what lab:up leaves in target/lab/topology.properties). */
    public static void write(Topology topology, Path file) throws IOException {
        Properties properties = new Properties();
        properties.putAll(topology.toProperties());
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (java.io.Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "resolved lab topology, written by lab:up");
        }
    }

    public static ResolvedTopology load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new LabException("cannot read the resolved topology " + file + " (" + e.getMessage() + "): lab:up writes it");
        }
        return new ResolvedTopology(properties);
    }

    /** The topology itself, e.g. to cut and heal services with {@link LabNetwork}. */
    public Topology topology() {
        List<LabService> services = new ArrayList<>();
        for (String name : names(get("lab.services"))) {
            String prefix = "lab." + name + ".";
            LabService service = new LabService(name, Integer.parseInt(get(prefix + "host")), items(prefix + "alias."), items(prefix + "publish."))
                    .run(get(prefix + "image"), get(prefix + "process"), items(prefix + "after."), env(prefix + "env."));
            service = service.inDomain(properties.getProperty(prefix + "domain", ""))
                    .onDockerHost(dockerHost(name));
            services.add(Boolean.parseBoolean(get(prefix + "node")) ? service.asNode() : service);
        }
        String subnet6 = get("lab.subnet6");
        return new Topology(network(), get("lab.subnet"), subnet6.isEmpty() ? null : subnet6, bind(), get("lab.dns.suffix"), services);
    }

    /** The host port that publishes {@code containerPort} of {@code service} on the bind address. */
    public int hostPort(String service, int containerPort) {
        return Integer.parseInt(get("lab." + service + ".port." + containerPort));
    }

    /** The port inside the lab where SERVICE (a node or the load balancer) takes XMPP clients. */
    public int c2sPort(String service) {
        return topology().service(service).c2sPort()
                .orElseThrow(() -> new IllegalArgumentException(service + " takes no XMPP clients: use lb or a node"));
    }

    public boolean hasService(String service) {
        return names(get("lab.services")).contains(service);
    }

    public String bind() {
        return get("lab.bind");
    }

    /** Where SERVICE's host ports are reached: its Docker host's address for them, or the lab's bind address. */
    public String bind(String service) {
        String bind = dockerHost(service).bind();
        return bind.isEmpty() ? bind() : bind;
    }

    public String network() {
        return get("lab.network");
    }

    public String holder(String service) {
        return get("lab." + service + ".holder");
    }

    /** The container that runs in the service's holder, e.g. openfire-cluster-xmpp1-openfire. */
    public String container(String service) {
        return get("lab." + service + ".container");
    }

    /** The Openfire nodes of this lab, in order (xmpp1, xmpp2, ...): the one node list every test uses. */
    public List<String> nodes() {
        return names(get("lab.nodes"));
    }

    /** The Docker host that runs SERVICE; {@link DockerHost#ONE} when the lab has one host. */
    public DockerHost dockerHost(String service) {
        String name = properties.getProperty("lab." + service + ".docker.host", "");
        return name.isEmpty() ? DockerHost.ONE : new DockerHost(name, get("lab.host." + name + ".engine"), get("lab.host." + name + ".bind"));
    }

    /** The XMPP domain SERVICE belongs to, or "" in a one-domain lab (the cluster shape tags none). */
    public String domain(String service) {
        return properties.getProperty("lab." + service + ".domain", "");
    }

    /** The nodes of DOMAIN, in order. */
    public List<String> nodesOf(String domain) {
        return nodes().stream().filter(node -> domain(node).equals(domain)).toList();
    }

    public String ipv4(String service) {
        return get("lab." + service + ".ipv4");
    }

    /** The IPv6 address, or "" in an IPv4-only lab. */
    public String ipv6(String service) {
        return properties.getProperty("lab." + service + ".ipv6", "");
    }

    public boolean dualStack() {
        return !get("lab.subnet6").isEmpty();
    }

    /** PREFIX1, PREFIX2, ... up to the first missing one. */
    private List<String> items(String prefix) {
        List<String> items = new ArrayList<>();
        for (int i = 1; properties.containsKey(prefix + i); i++) {
            items.add(properties.getProperty(prefix + i));
        }
        return items;
    }

    /** Every PREFIXNAME=VALUE as NAME to VALUE, sorted by name (the file has no order). */
    private Map<String, String> env(String prefix) {
        Map<String, String> env = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                env.put(key.substring(prefix.length()), properties.getProperty(key));
            }
        }
        return env;
    }

    /** A comma-separated list of service names (names have no comma: see Topology#validate). */
    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    private String get(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new LabException("the resolved topology has no " + key + ": is that service part of this lab?");
        }
        return value;
    }
}
