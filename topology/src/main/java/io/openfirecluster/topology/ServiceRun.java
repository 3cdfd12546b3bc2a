package io.openfirecluster.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What runs in one service's holder: its container, image, environment, mounts and the services
 * that must be healthy first. The one model of a lab's start: on one Docker host the docker-maven-
 * plugin's docker:start runs it, rendered as a compose file ({@link ComposeFile}); across hosts the
 * lab starts it through each host's engine. Each service runs its image in its holder's network
 * namespace, labelled as part of the lab, with LAB_SERVICE (its name), LAB_NODES (how many nodes
 * its XMPP domain has: a node is healthy when its cluster has that many members) and its
 * configured environment.
 *
 * @param mounts "HOST_PATH:CONTAINER_PATH[:ro]": files of this machine the service reads
 * @param after  the services (with an image) that must be healthy before this one starts
 */
public record ServiceRun(LabService service, String container, String image, String networkMode, Map<String, String> labels,
                         Map<String, String> env, List<String> mounts, List<LabService> after) {
    public ServiceRun {
        labels = Map.copyOf(labels);
        env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        mounts = List.copyOf(mounts);
        after = List.copyOf(after);
    }

    /**
     * The services of TOPOLOGY that run an image, in topology order, with more environment for
     * some (by service name, e.g. the database's Openfire properties: what a run adds, not what the
     * topology is) and mounts for some (by service name, e.g. a node's certificates).
     */
    public static List<ServiceRun> of(Topology topology, Map<String, Map<String, String>> moreEnv, Map<String, List<String>> mounts) {
        List<LabService> running = topology.services().stream().filter(s -> !s.getImage().isEmpty()).toList();
        if (running.isEmpty()) {
            throw new LabException("no service of the lab has an <image>: there is nothing to run");
        }
        return running.stream().map(service -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("io.openfirecluster.lab", topology.network());
            labels.put("io.openfirecluster.lab.service", service.getName());
            // Sorted: the same lab renders the same file whatever order the pom or a reread gave.
            Map<String, String> env = new TreeMap<>();
            env.putAll(service.getEnv());
            env.putAll(moreEnv.getOrDefault(service.getName(), Map.of()));
            env.put("LAB_SERVICE", service.getName());
            // A node is healthy when its own domain's cluster is complete: another domain's nodes never join it.
            env.put("LAB_NODES", Integer.toString(topology.nodesOf(service.getDomain()).size()));
            return new ServiceRun(service, topology.container(service), service.getImage(), "container:" + topology.holder(service), labels, env,
                    mounts.getOrDefault(service.getName(), List.of()), topology.after(service).stream().filter(s -> !s.getImage().isEmpty()).toList());
        }).toList();
    }
}
