package io.openfirecluster.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's addressing plan: one network, its subnets, and the services on it with their fixed
 * addresses, DNS names and published ports. Everything else (holders, rendered configuration, the
 * printed overview) derives from this, and {@link #validate()} checks it before anything is made.
 */
public final class Topology {
    /** In a service's {@code <after>}: every node of the lab. */
    public static final String NODES = "nodes";
    private final String network;
    private final Cidr subnet;
    private final Cidr subnet6;
    private final String bind;
    private final String dnsSuffix;
    private final List<LabService> services;

    /**
     * @param subnet6 the IPv6 subnet, or {@code null} for an IPv4-only lab
     */
    public Topology(String network, String subnet, String subnet6, String bind, String dnsSuffix, List<LabService> services) {
        if (network == null || !network.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new LabException("network name '" + network + "' is not a valid Docker name: fix lab.network");
        }
        this.network = network;
        this.subnet = Cidr.parse(subnet);
        this.subnet6 = subnet6 == null ? null : Cidr.parse(subnet6);
        if (this.subnet.isIpv6()) {
            throw new LabException("lab.subnet '" + subnet + "' is IPv6: put the IPv4 subnet in lab.subnet and the IPv6 one in lab.subnet6");
        }
        if (this.subnet6 != null && !this.subnet6.isIpv6()) {
            throw new LabException("lab.subnet6 '" + subnet6 + "' is not IPv6: give an IPv6 subnet such as fd23:d79:d076::/64");
        }
        this.bind = bind;
        this.dnsSuffix = dnsSuffix;
        this.services = List.copyOf(services);
    }

    /** The configured services followed by nodes 1..COUNT of TEMPLATE (none without a template). */
    public static List<LabService> withNodes(List<LabService> services, NodeTemplate template, String count) {
        List<LabService> all = new ArrayList<>(services);
        if (template != null) {
            all.addAll(template.nodes(count));
        }
        return all;
    }

    /** The same lab with only the named services (all when ONLY is empty): what lab:up -Dlab.only=... makes. */
    public Topology select(Collection<String> only) {
        if (only == null || only.isEmpty()) {
            return this;
        }
        List<LabService> selected = new ArrayList<>();
        for (String name : only) {
            LabService service = service(name.trim());
            // What it starts after is only what this selection has (a node without its database runs alone).
            List<String> after = service.getAfter().stream().filter(a -> a.equals(NODES) || only.contains(a)).toList();
            selected.add(service.run(service.getImage(), service.getProcess(), after, service.getEnv()));
        }
        return new Topology(network, subnet.toString(), subnet6 == null ? null : subnet6.toString(), bind, dnsSuffix, selected);
    }

    /** The same lab with SERVICES instead (e.g. each placed on its Docker host). */
    Topology withServices(List<LabService> services) {
        return new Topology(network, subnet.toString(), subnet6 == null ? null : subnet6.toString(), bind, dnsSuffix, services);
    }

    /**
     * The Docker hosts the lab runs on, in the order their first service comes (the first runs the
     * databases and the load balancer by default); empty when the lab has one host.
     */
    public List<DockerHost> dockerHosts() {
        return services.stream().map(LabService::getDockerHost).filter(host -> !host.name().isEmpty()).distinct().toList();
    }

    /** Checks what can be checked without Docker; throws {@link LabException} naming the first problem. */
    public Topology validate() {
        if (services.isEmpty()) {
            throw new LabException("the lab has no services: configure <services> of lab-network-maven-plugin");
        }
        checkBind();
        Map<String, String> names = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        Map<Integer, String> hostPorts = new HashMap<>();
        for (LabService service : services) {
            String name = service.getName();
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new LabException("service name '" + name + "' must be lower-case letters, digits and '-'");
            }
            if (names.put(name, name) != null) {
                throw new LabException("service " + name + " is configured twice: give each service its own name");
            }
            for (String address : addresses(service)) {
                if (address.equals(subnet.gateway()) || (subnet6 != null && address.equals(subnet6.gateway()))) {
                    throw new LabException("service " + name + " has address " + address + ", the network's gateway: choose another host number");
                }
                String other = addresses.put(address, name);
                if (other != null) {
                    throw new LabException("services " + other + " and " + name + " both have address " + address + ": give each its own host number");
                }
            }
            for (LabService.PortMapping port : service.getPorts()) {
                String other = hostPorts.put(port.hostPort(), name);
                if (other != null) {
                    throw new LabException("services " + other + " and " + name + " both publish host port " + port.hostPort() + ": give each its own");
                }
            }
            service.getEnv(); // refuses a variable name no shell accepts
        }
        for (LabService service : services) {
            for (String before : service.getAfter()) {
                if (!before.equals(NODES) && !names.containsKey(before)) {
                    throw new LabException("service " + service.getName() + " starts after '" + before + "', which is not a service of this lab: fix its <after>");
                }
            }
        }
        return this;
    }

    /** The bind address must be a literal IP address (a typo such as 999.1.1.1 must not read as "port in use"). */
    private void checkBind() {
        boolean literal = bind != null && (bind.matches("\\d{1,3}(\\.\\d{1,3}){3}") || bind.matches("[0-9a-fA-F:]*:[0-9a-fA-F:]*"));
        if (literal && bind.contains(".")) {
            for (String part : bind.split("\\.")) {
                literal &= Integer.parseInt(part) <= 255;
            }
        }
        if (!literal) {
            throw new LabException("lab.bind=" + bind + " is not an IP address of this host: give e.g. -Dlab.bind=127.0.0.1 (the default)");
        }
    }

    public String network() {
        return network;
    }

    public Cidr subnet() {
        return subnet;
    }

    public Optional<Cidr> subnet6() {
        return Optional.ofNullable(subnet6);
    }

    /** The bind address of the lab's host (every service's on one host). */
    public String bind() {
        return bind;
    }

    /** Where SERVICE's ports are published: its Docker host's address for them, or the lab's bind address. */
    public String bind(LabService service) {
        return service.getDockerHost().bind().isEmpty() ? bind : service.getDockerHost().bind();
    }

    public List<LabService> services() {
        return services;
    }

    /** The Openfire nodes, in order: every node list of the lab (cluster size, tests, status) is this one. */
    public List<LabService> nodes() {
        return services.stream().filter(LabService::isNode).toList();
    }

    public List<String> nodeNames() {
        return nodes().stream().map(LabService::getName).toList();
    }

    /** The nodes of the XMPP domain DOMAIN ("" in a one-domain lab, where no service is tagged): one cluster. */
    public List<LabService> nodesOf(String domain) {
        return nodes().stream().filter(node -> node.getDomain().equals(domain)).toList();
    }

    /** The XMPP domains the shape tagged, in topology order; empty for the one-domain lab. */
    public List<String> domains() {
        return services.stream().map(LabService::getDomain).filter(domain -> !domain.isEmpty()).distinct().toList();
    }

    /** The services that DEPENDENT starts after (the word "nodes" expanded), in topology order. */
    public List<LabService> after(LabService dependent) {
        List<String> names = dependent.getAfter();
        return services.stream().filter(s -> names.contains(s.getName()) || (s.isNode() && names.contains(NODES))).toList();
    }

    public LabService service(String name) {
        return services.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new LabException("there is no service '" + name + "' in the lab; there are "
                        + services.stream().map(LabService::getName).toList()));
    }

    /** The address holder's container name: the service's network identity. */
    public String holder(LabService service) {
        return network + "-" + service.getName();
    }

    /** The container of what runs in the holder, e.g. openfire-cluster-xmpp1-openfire. */
    public String container(LabService service) {
        return holder(service) + "-" + service.getProcess();
    }

    public String ipv4(LabService service) {
        return subnet.address(service.getHost());
    }

    public Optional<String> ipv6(LabService service) {
        return subnet6().map(s -> s.address(service.getHost()));
    }

    public List<String> addresses(LabService service) {
        List<String> result = new ArrayList<>();
        result.add(ipv4(service));
        ipv6(service).ifPresent(result::add);
        return result;
    }

    /** The service's DNS names on the lab network: NAME, NAME.SUFFIX and its configured aliases. */
    public List<String> dnsNames(LabService service) {
        List<String> result = new ArrayList<>();
        result.add(service.getName());
        if (dnsSuffix != null && !dnsSuffix.isBlank()) {
            result.add(service.getName() + "." + dnsSuffix);
        }
        result.addAll(service.getAliases());
        return result;
    }

    /**
     * The resolved plan as flat properties (lab.SERVICE.ipv4, .ipv6, .holder, .port.CONTAINERPORT),
     * written next to the build so tests and people read the real values instead of repeating them.
     * A list is one key an item (lab.SERVICE.alias.1, .publish.1, .after.1, counted from 1) and the
     * environment one key a variable (lab.SERVICE.env.NAME), so a value may hold any character.
     */
    public Map<String, String> toProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("lab.network", network);
        props.put("lab.subnet", subnet.toString());
        props.put("lab.subnet6", subnet6 == null ? "" : subnet6.toString());
        props.put("lab.bind", bind);
        props.put("lab.dns.suffix", dnsSuffix == null ? "" : dnsSuffix);
        props.put("lab.services", String.join(",", services.stream().map(LabService::getName).toList()));
        props.put("lab.nodes", String.join(",", nodeNames()));
        props.put("lab.hosts", String.join(",", dockerHosts().stream().map(DockerHost::name).toList()));
        for (DockerHost host : dockerHosts()) {
            props.put("lab.host." + host.name() + ".engine", host.engine());
            props.put("lab.host." + host.name() + ".bind", host.bind());
        }
        for (LabService service : services) {
            String prefix = "lab." + service.getName() + ".";
            props.put(prefix + "host", Integer.toString(service.getHost()));
            putItems(props, prefix + "alias.", service.getAliases());
            putItems(props, prefix + "publish.", service.getPorts().stream().map(LabService.PortMapping::toString).toList());
            props.put(prefix + "image", service.getImage());
            props.put(prefix + "process", service.getProcess());
            putItems(props, prefix + "after.", service.getAfter());
            service.getEnv().forEach((variable, value) -> props.put(prefix + "env." + variable, value));
            props.put(prefix + "node", Boolean.toString(service.isNode()));
            if (!service.getDockerHost().name().isEmpty()) {
                props.put(prefix + "docker.host", service.getDockerHost().name());
            }
            if (!service.getDomain().isEmpty()) {
                props.put(prefix + "domain", service.getDomain());
            }
            props.put(prefix + "holder", holder(service));
            props.put(prefix + "container", container(service));
            props.put(prefix + "ipv4", ipv4(service));
            props.put(prefix + "ipv6", ipv6(service).orElse(""));
            props.put(prefix + "names", String.join(",", dnsNames(service)));
            for (LabService.PortMapping port : service.getPorts()) {
                props.put(prefix + "port." + port.containerPort(), Integer.toString(port.hostPort()));
            }
        }
        return props;
    }

    private static void putItems(Map<String, String> props, String prefix, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            props.put(prefix + (i + 1), items.get(i));
        }
    }

    /** A human overview: what `docker:start` made, with the real addresses and host ports. */
    public String describe() {
        return describe(port -> true);
    }

    /** As {@link #describe()}, listing only the published ports SHOWN accepts (e.g. no debugger ports while no debugger runs). */
    public String describe(java.util.function.Predicate<LabService.PortMapping> shown) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Lab network %s: %s%s, %d Openfire node(s)%s%n", network, subnet, subnet6 == null ? "" : " + " + subnet6, nodes().size(),
                dockerHosts().isEmpty() ? "" : " on the Docker hosts " + String.join(", ", dockerHosts().stream().map(DockerHost::name).toList())));
        Columns table = new Columns();
        for (LabService service : services) {
            List<LabService.PortMapping> ports = service.getPorts().stream().filter(shown).toList();
            table.row(service.getName(), service.getDockerHost().name().isEmpty() ? "" : "on " + service.getDockerHost().name(), ipv4(service), ipv6(service).orElse(""),
                    "ports " + (ports.isEmpty() ? "-" : bind(service) + " " + ports), "names " + String.join(",", dnsNames(service)));
        }
        out.append(table.render("  "));
        for (String domain : domains()) {
            List<String> nodes = nodesOf(domain).stream().map(LabService::getName).toList();
            List<String> others = services.stream().filter(s -> !s.isNode() && s.getDomain().equals(domain)).map(LabService::getName).toList();
            out.append(String.format("  domain %s: node%s %s%s, with %s%n", domain, nodes.size() == 1 ? "" : "s", String.join(",", nodes),
                    nodes.size() == 1 ? " (standalone)" : " (one cluster)", String.join(",", others)));
        }
        return out.toString();
    }
}
