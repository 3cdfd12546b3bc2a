package io.openfirecluster.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service of the lab as the plugin configuration names it, e.g.
 * {@code <service><name>db</name><host>11</host><ports>5432:5432</ports><image>lab/db:1</image>
 * <process>postgres</process></service>}. Lists are comma-separated so a service stays one short
 * block in the pom. The network part (name, host, aliases, ports) makes its address holder; the
 * run part (image, process, after, env) is what runs in the holder, rendered for docker:start.
 */
public class LabService extends ServiceFields {
    /** Host number: the last group of both of its addresses (10 gives .10 and ::10). */
    private int host;
    /** Set for the services made from the node template. */
    private boolean node;

    public LabService() {
    }

    public LabService(String name, int host, String aliases, String ports) {
        super(name, aliases, ports);
        this.host = host;
    }

    /** A copy of this service with its run part, as the topology's node template or a test builds it. */
    public LabService run(String image, String process, String after, String env) {
        LabService copy = new LabService(name, host, aliases, ports);
        copy.setRunPart(image, process, after, env);
        copy.node = node;
        return copy;
    }

    LabService asNode() {
        LabService copy = run(image, process, after, env);
        copy.node = true;
        return copy;
    }

    public String getName() {
        return name;
    }

    public int getHost() {
        return host;
    }

    public List<String> getAliases() {
        return split(aliases);
    }

    public List<PortMapping> getPorts() {
        List<PortMapping> result = new ArrayList<>();
        for (String port : split(ports)) {
            result.add(PortMapping.parse(name, port));
        }
        return result;
    }

    public String getImage() {
        return image == null ? "" : image.trim();
    }

    public String getProcess() {
        return process == null || process.isBlank() ? "service" : process.trim();
    }

    public List<String> getAfter() {
        return split(after);
    }

    /** The configured environment, in order; one line naming the entry that is not NAME=VALUE. */
    public Map<String, String> getEnv() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : split(env)) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new LabException("environment entry '" + entry + "' of service " + name + " is not NAME=VALUE: fix its <env>");
            }
            result.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return result;
    }

    public boolean isNode() {
        return node;
    }

    /** The raw comma-separated fields, for the resolved topology file. */
    String aliasesText() {
        return aliases == null ? "" : aliases;
    }

    String portsText() {
        return ports == null ? "" : ports;
    }

    String afterText() {
        return after == null ? "" : after;
    }

    String envText() {
        return env == null ? "" : env;
    }

    static List<String> split(String list) {
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

    /** A published TCP port: host side and container side. */
    public record PortMapping(int hostPort, int containerPort) {
        static PortMapping parse(String service, String text) {
            String[] parts = text.split(":");
            try {
                if (parts.length == 2) {
                    PortMapping mapping = new PortMapping(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                    if (mapping.hostPort > 0 && mapping.hostPort < 65536 && mapping.containerPort > 0 && mapping.containerPort < 65536) {
                        return mapping;
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new LabException("port '" + text + "' of service " + service + " is not HOST:CONTAINER with ports 1-65535: fix its <ports>");
        }

        @Override
        public String toString() {
            return hostPort + ":" + containerPort;
        }
    }
}
