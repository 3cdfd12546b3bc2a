package io.openfirecluster.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.DumperOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What runs in the holders, rendered from the topology as a docker-compose file (format 2.4) that
 * the docker-maven-plugin reads as external configuration (its {@code <external><type>compose}).
 * The plugin cannot loop over nodes; rendering the file from the one topology is how a lab of N
 * nodes is started by {@code docker:start} without a second node list anywhere.
 *
 * <p>Each service runs its image in its holder's network namespace, labelled as part of the lab,
 * with LAB_SERVICE (its name), LAB_NODES (how many nodes its XMPP domain has: a node is healthy when
 * its cluster has that many members) and its configured environment. {@code after} becomes
 * {@code depends_on ... service_healthy}: the plugin then waits for those services' health checks.
 */
public final class ComposeFile {
    /**
     * Written by a YAML library, so every value arrives as given (quotes, commas, newlines, '$'):
     * strings double-quoted (a value such as "5270" or "true" stays a string), no document marker
     * and no folded long lines, so the file reads like a hand-written one. Non-ASCII characters
     * are written as YAML escapes: the docker-maven-plugin reads the file in the platform's
     * charset (a FileReader), which on Java 17 need not be UTF-8.
     */
    static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder().dumperOptions(dumperOptions())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        options.setAllowUnicode(false);
        return options;
    }

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
        return render(topology, moreEnv, Map.of());
    }

    /**
     * As {@link #render(Topology, Map)}, with bind mounts for some services (by service name,
     * each "HOST_PATH:CONTAINER_PATH[:ro]"), e.g. a node's certificates (LabCertificates).
     */
    public static String render(Topology topology, Map<String, Map<String, String>> moreEnv, Map<String, List<String>> volumes) {
        List<LabService> running = topology.services().stream().filter(s -> !s.getImage().isEmpty()).toList();
        if (running.isEmpty()) {
            throw new LabException("no service of the lab has an <image>: there is nothing for docker:start to run");
        }
        Map<String, Object> services = new LinkedHashMap<>();
        for (LabService service : running) {
            Map<String, Object> compose = new LinkedHashMap<>();
            compose.put("image", checked(service.getImage()));
            compose.put("network_mode", checked("container:" + topology.holder(service)));
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("io.openfirecluster.lab", checked(topology.network()));
            labels.put("io.openfirecluster.lab.service", checked(service.getName()));
            compose.put("labels", labels);
            // Sorted: the same lab renders the same file whatever order the pom or a reread gave.
            Map<String, String> env = new TreeMap<>();
            env.putAll(service.getEnv());
            env.putAll(moreEnv.getOrDefault(service.getName(), Map.of()));
            env.put("LAB_SERVICE", service.getName());
            // A node is healthy when its own domain's cluster is complete: another domain's nodes never join it.
            env.put("LAB_NODES", Integer.toString(topology.nodesOf(service.getDomain()).size()));
            env.values().forEach(ComposeFile::checked);
            compose.put("environment", env);
            List<String> mounts = volumes.getOrDefault(service.getName(), List.of());
            if (!mounts.isEmpty()) {
                mounts.forEach(ComposeFile::checked);
                compose.put("volumes", List.copyOf(mounts));
            }
            List<LabService> before = topology.after(service).stream().filter(s -> !s.getImage().isEmpty()).toList();
            if (!before.isEmpty()) {
                Map<String, Object> dependsOn = new LinkedHashMap<>();
                before.forEach(other -> dependsOn.put(serviceKey(other), Map.of("condition", "service_healthy")));
                compose.put("depends_on", dependsOn);
            }
            services.put(serviceKey(service), compose);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("version", "2.4");
        file.put("services", services);
        try {
            return "# Rendered by lab:up from the lab topology; docker:start runs it. Do not edit: change the topology.\n"
                    + YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always renders as YAML", e);
        }
    }

    /**
     * VALUE, refused in one line if it holds a Maven expression. The docker-maven-plugin filters
     * the compose file for Maven expressions before it reads it, with no escape string configured,
     * so a "${...}" in a value would arrive changed (as would "@name@" for a defined property NAME,
     * maven-filtering's other delimiter). In a topology value "${" is a property the pom does not
     * define; refusing says so where escaping would hide the mistake. Openfire properties, which
     * may hold "${" on purpose, reach here with '$' and '@' escaped: see OpenfireProperties#encoded.
     */
    private static String checked(String value) {
        if (value.contains("${")) {
            throw new LabException("'" + value.lines().findFirst().orElse("") + "' in the lab topology still holds a Maven expression: define that property");
        }
        return value;
    }
}
