package io.openfirecluster.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lab's addressing plan: one network, its subnets, and the services on it with their fixed
 * addresses, DNS names and published ports. Everything else (holders, rendered configuration, the
 * printed overview) derives from this, and {@link #validate()} checks it before anything is made.
 */
public final class Topology {
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

    /** Checks what can be checked without Docker; throws {@link LabException} naming the first problem. */
    public Topology validate() {
        if (services.isEmpty()) {
            throw new LabException("the lab has no services: configure <services> of lab-network-maven-plugin");
        }
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
        }
        return this;
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

    public String bind() {
        return bind;
    }

    public List<LabService> services() {
        return services;
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
     */
    public Map<String, String> toProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("lab.network", network);
        props.put("lab.subnet", subnet.toString());
        props.put("lab.subnet6", subnet6 == null ? "" : subnet6.toString());
        props.put("lab.bind", bind);
        props.put("lab.dns.suffix", dnsSuffix == null ? "" : dnsSuffix);
        props.put("lab.services", String.join(",", services.stream().map(LabService::getName).toList()));
        for (LabService service : services) {
            String prefix = "lab." + service.getName() + ".";
            props.put(prefix + "host", Integer.toString(service.getHost()));
            props.put(prefix + "aliases", String.join(",", service.getAliases()));
            props.put(prefix + "ports", service.getPorts().stream().map(Object::toString).collect(Collectors.joining(",")));
            props.put(prefix + "holder", holder(service));
            props.put(prefix + "ipv4", ipv4(service));
            props.put(prefix + "ipv6", ipv6(service).orElse(""));
            props.put(prefix + "names", String.join(",", dnsNames(service)));
            for (LabService.PortMapping port : service.getPorts()) {
                props.put(prefix + "port." + port.containerPort(), Integer.toString(port.hostPort()));
            }
        }
        return props;
    }

    /** A human overview: what `docker:start` made, with the real addresses and host ports. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Lab network %s: %s%s%n", network, subnet, subnet6 == null ? "" : " + " + subnet6));
        for (LabService service : services) {
            out.append(String.format("  %-6s %-15s %-20s ports %s  names %s%n", service.getName(), ipv4(service),
                    ipv6(service).orElse(""), service.getPorts().isEmpty() ? "-" : bind + " " + service.getPorts(),
                    String.join(",", dnsNames(service))));
        }
        return out.toString();
    }
}
