package io.openfirecluster.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.DumperOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs in the holders, rendered from the topology as a docker-compose file (format 2.4) that
 * the docker-maven-plugin reads as external configuration (its {@code <external><type>compose}).
 * The plugin cannot loop over nodes; rendering the file from the one topology is how a lab of N
 * nodes is started by {@code docker:start} without a second node list anywhere.
 *
 * <p>What each service runs is its {@link ServiceRun}. {@code after} becomes {@code depends_on ...
 * service_healthy}: the plugin then waits for those services' health checks.
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
        return render(ServiceRun.of(topology, moreEnv, volumes));
    }

    /** RUNS as the compose file docker:start reads: {@code after} becomes {@code depends_on ... service_healthy}. */
    public static String render(List<ServiceRun> runs) {
        Map<String, Object> services = new LinkedHashMap<>();
        for (ServiceRun run : runs) {
            Map<String, Object> compose = new LinkedHashMap<>();
            compose.put("image", checked(run.image()));
            compose.put("network_mode", checked(run.networkMode()));
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("io.openfirecluster.lab", checked(run.labels().get("io.openfirecluster.lab")));
            labels.put("io.openfirecluster.lab.service", checked(run.labels().get("io.openfirecluster.lab.service")));
            compose.put("labels", labels);
            run.env().values().forEach(ComposeFile::checked);
            compose.put("environment", run.env());
            if (!run.mounts().isEmpty()) {
                run.mounts().forEach(ComposeFile::checked);
                compose.put("volumes", run.mounts());
            }
            if (!run.after().isEmpty()) {
                Map<String, Object> dependsOn = new LinkedHashMap<>();
                run.after().forEach(other -> dependsOn.put(serviceKey(other), Map.of("condition", "service_healthy")));
                compose.put("depends_on", dependsOn);
            }
            services.put(serviceKey(run.service()), compose);
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
