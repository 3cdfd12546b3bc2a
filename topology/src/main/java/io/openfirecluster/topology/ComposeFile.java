package io.openfirecluster.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs in the holders, rendered from the topology as a docker-compose file (format 2.4) that
 * the docker-maven-plugin reads as external configuration (its {@code <external><type>compose}).
 * The plugin cannot loop over nodes; rendering the file from the one topology is how a lab of N
 * nodes is started by {@code docker:start} without a second node list anywhere.
 *
 * <p>Each service runs its image in its holder's network namespace, labelled as part of the lab,
 * with LAB_SERVICE (its name), LAB_NODES (how many nodes this lab has: a node is healthy when its
 * cluster has that many members) and its configured environment. {@code after} becomes
 * {@code depends_on ... service_healthy}: the plugin then waits for those services' health checks.
 */
public final class ComposeFile {
    private ComposeFile() {
    }

    /** The compose service name of SERVICE: the suffix of its container name after the network. */
    public static String serviceKey(LabService service) {
        return service.getName() + "-" + service.getProcess();
    }

    public static String render(Topology topology) {
        return render(topology, Map.of());
    }

    /**
     * As {@link #render(Topology)}, with more environment for some services (by service name),
     * e.g. the database's {@link OpenfireProperties#ENV}: what a run adds, not what the topology is.
     */
    public static String render(Topology topology, Map<String, Map<String, String>> moreEnv) {
        StringBuilder out = new StringBuilder()
                .append("# Rendered by lab:up from the lab topology; docker:start runs it. Do not edit: change the topology.\n")
                .append("version: \"2.4\"\n")
                .append("services:\n");
        List<LabService> running = topology.services().stream().filter(s -> !s.getImage().isEmpty()).toList();
        if (running.isEmpty()) {
            throw new LabException("no service of the lab has an <image>: there is nothing for docker:start to run");
        }
        for (LabService service : running) {
            out.append("  ").append(serviceKey(service)).append(":\n");
            out.append("    image: ").append(quote(service.getImage())).append('\n');
            out.append("    network_mode: ").append(quote("container:" + topology.holder(service))).append('\n');
            out.append("    labels:\n");
            out.append("      io.openfirecluster.lab: ").append(quote(topology.network())).append('\n');
            out.append("      io.openfirecluster.lab.service: ").append(quote(service.getName())).append('\n');
            Map<String, String> env = new LinkedHashMap<>();
            env.put("LAB_SERVICE", service.getName());
            env.put("LAB_NODES", Integer.toString(topology.nodes().size()));
            env.putAll(service.getEnv());
            env.putAll(moreEnv.getOrDefault(service.getName(), Map.of()));
            out.append("    environment:\n");
            env.forEach((name, value) -> out.append("      ").append(name).append(": ").append(quote(value)).append('\n'));
            List<LabService> before = topology.after(service).stream().filter(s -> !s.getImage().isEmpty()).toList();
            if (!before.isEmpty()) {
                out.append("    depends_on:\n");
                for (LabService other : before) {
                    out.append("      ").append(serviceKey(other)).append(":\n");
                    out.append("        condition: service_healthy\n");
                }
            }
        }
        return out.toString();
    }

    /** A double-quoted YAML scalar. A Maven expression must not survive: the plugin filters the file. */
    private static String quote(String value) {
        if (value.contains("${")) {
            throw new LabException("'" + value + "' in the lab topology still holds a Maven expression: define that property");
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
