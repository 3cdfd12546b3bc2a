package io.openfirecluster.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Docker host runs each service, as the user gives it: {@code -Dlab.hosts=host1,host2,host3}
 * names the hosts (the swarm's nodes), {@code -Dlab.placement=db=host1,xmpp3=host2} puts services
 * where the user says. The rest is the default: the Openfire nodes spread over the hosts in turn
 * (xmpp1 on the first, xmpp2 on the second, ...), every other service (databases, the load
 * balancer) on the first host. No hosts: the one-host lab of before, where no service is placed.
 * A service's holder always runs where the service does: it is the service's network namespace.
 */
public record Placement(List<DockerHost> hosts, Map<String, String> services) {
    /** A Docker host's name as the lab shows and keys it: a swarm node's host name. */
    private static final String HOST_NAME = "[a-z0-9][a-z0-9.-]*";

    public Placement {
        hosts = List.copyOf(hosts);
        services = Map.copyOf(services);
    }

    /** The one-host lab: nothing placed. */
    public static Placement oneHost() {
        return new Placement(List.of(), Map.of());
    }

    /** HOSTS and PLACEMENT as typed (comma lists; either may be empty); one line for bad input. */
    public static Placement parse(String hosts, String placement) {
        Set<String> names = new LinkedHashSet<>();
        for (String host : split(hosts)) {
            if (!host.matches(HOST_NAME)) {
                throw new LabException("lab.hosts=" + hosts + ": '" + host + "' is not a host name: give the swarm's node names, e.g. -Dlab.hosts=host1,host2,host3");
            }
            if (!names.add(host)) {
                throw new LabException("lab.hosts=" + hosts + " names " + host + " twice: name each host once");
            }
        }
        Map<String, String> services = new LinkedHashMap<>();
        for (String entry : split(placement)) {
            int equals = entry.indexOf('=');
            String service = equals < 0 ? "" : entry.substring(0, equals).trim();
            String host = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (service.isEmpty() || host.isEmpty()) {
                throw new LabException("lab.placement=" + placement + ": '" + entry + "' is not SERVICE=HOST: give e.g. -Dlab.placement=db=host1,lb=host2");
            }
            if (!names.contains(host)) {
                throw new LabException("lab.placement=" + placement + " puts " + service + " on " + host + ", which is not one of lab.hosts " + List.copyOf(names)
                        + (names.isEmpty() ? ": name the hosts with -Dlab.hosts=..." : ""));
            }
            if (services.put(service, host) != null) {
                throw new LabException("lab.placement=" + placement + " places " + service + " twice: place each service once");
            }
        }
        return new Placement(names.stream().map(name -> new DockerHost(name, "", "")).toList(), services);
    }

    /**
     * This placement on the hosts KNOWN (by name, as {@link DockerHost#read} gives them): each named
     * host with its engine and bind address; one line for a host KNOWN lacks.
     */
    public Placement on(Map<String, DockerHost> known, String where) {
        List<DockerHost> resolved = new ArrayList<>();
        for (DockerHost host : hosts) {
            DockerHost full = known.get(host.name());
            if (full == null) {
                throw new LabException("lab.hosts names " + host.name() + ", which " + where + " does not list (it lists " + known.keySet() + "): add it there, or name only those");
            }
            resolved.add(full);
        }
        return new Placement(resolved, services);
    }

    /** Hosts are named: the lab runs on the swarm they form, through each one's engine (even one host named). */
    public boolean spansHosts() {
        return !hosts.isEmpty();
    }

    /**
     * TOPOLOGY with every service on its host; unchanged when no host is named (the lab of
     * DOCKER_HOST's engine). One line for a placement that names a service the lab does not have.
     */
    public Topology place(Topology topology) {
        if (!spansHosts()) {
            return topology;
        }
        for (String service : services.keySet()) {
            topology.service(service); // one line naming the services there are
        }
        List<LabService> placed = new ArrayList<>();
        int node = 0;
        for (LabService service : topology.services()) {
            DockerHost host = services.containsKey(service.getName()) ? host(services.get(service.getName()))
                    : service.isNode() ? hosts.get(node % hosts.size()) : hosts.get(0);
            if (service.isNode()) {
                node++;
            }
            placed.add(service.onDockerHost(host));
        }
        return topology.withServices(placed);
    }

    private DockerHost host(String name) {
        return hosts.stream().filter(host -> host.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        if (list != null) {
            for (String item : list.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }
}
