package io.openfirecluster.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One service of the lab as the plugin configuration names it, e.g.
 * {@code <service><name>db</name><host>11</host><ports><port>5432:5432</port></ports>
 * <image>lab/db:1</image><process>postgres</process></service>}. The network part (name, host,
 * aliases, ports) makes its address holder; the run part (image, process, after, env) is what runs
 * in the holder, rendered for docker:start.
 */
public class LabService extends ServiceFields {
    /** An environment variable's name as a shell and docker accept it. */
    private static final java.util.regex.Pattern ENV_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Host number: the last group of both of its addresses (10 gives .10 and ::10). */
    private int host;
    /** Set for the services made from the node template. */
    private boolean node;
    /** The XMPP domain this service belongs to, set by a shape of more domains; "" in the one-domain lab. */
    private String domain = "";
    /** The Docker host that runs it, set by a {@link Placement} of several hosts. */
    private DockerHost dockerHost = DockerHost.ONE;

    public LabService() {
    }

    public LabService(String name, int host, List<String> aliases, List<String> ports) {
        super(name, aliases, ports);
        this.host = host;
    }

    /** A copy of this service with its run part, as the topology's node template or a test builds it. */
    public LabService run(String image, String process, List<String> after, Map<String, String> env) {
        LabService copy = new LabService(name, host, getAliases(), items(ports));
        copy.setRunPart(image, process, after, env);
        copy.node = node;
        copy.domain = domain;
        copy.dockerHost = dockerHost;
        return copy;
    }

    /** A copy of this service tagged as belonging to the XMPP domain DOMAIN (see {@link Shape}). */
    public LabService inDomain(String domain) {
        LabService copy = run(getImage(), process, getAfter(), entries(env));
        copy.domain = domain == null ? "" : domain;
        return copy;
    }

    /** A copy of this service placed on the Docker host HOST ({@link DockerHost#ONE}: the one host of a one-host lab). */
    public LabService onDockerHost(DockerHost host) {
        LabService copy = run(getImage(), process, getAfter(), entries(env));
        copy.dockerHost = host == null ? DockerHost.ONE : host;
        return copy;
    }

    LabService asNode() {
        LabService copy = run(getImage(), process, getAfter(), entries(env));
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
        return items(aliases);
    }

    /** The published ports; one line naming the item that is not HOST:CONTAINER. */
    public List<PortMapping> getPorts() {
        List<PortMapping> result = new ArrayList<>();
        for (String port : items(ports)) {
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
        return items(after);
    }

    /** The configured environment, values exactly as given; one line naming a name no shell accepts. */
    public Map<String, String> getEnv() {
        Map<String, String> result = entries(env);
        for (String variable : result.keySet()) {
            if (variable == null || !ENV_NAME.matcher(variable).matches()) {
                throw new LabException("environment variable '" + variable + "' of service " + name
                        + " is not a NAME of letters, digits and '_': fix its <env>");
            }
        }
        return result;
    }

    public boolean isNode() {
        return node;
    }

    /** Where a node takes XMPP clients inside the lab. */
    public static final int NODE_C2S_PORT = 5222;
    /** Where the load balancer takes XMPP clients inside the lab (the port it publishes, too). */
    public static final int LB_C2S_PORT = 55222;

    /** The port inside the lab where this service takes XMPP clients: a node's, the load balancer's; empty for the others. */
    public OptionalInt c2sPort() {
        return node ? OptionalInt.of(NODE_C2S_PORT) : "lb".equals(name) ? OptionalInt.of(LB_C2S_PORT) : OptionalInt.empty();
    }

    /** The XMPP domain this service belongs to, or "" when the lab has one domain and tags none. */
    public String getDomain() {
        return domain;
    }

    /** The Docker host that runs this service and its holder; {@link DockerHost#ONE} when the lab has one host. */
    public DockerHost getDockerHost() {
        return dockerHost;
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
            throw new LabException("port '" + text + "' of service " + service
                    + " is not HOST:CONTAINER with ports 1-65535: fix its <ports> (one <port> each)");
        }

        @Override
        public String toString() {
            return hostPort + ":" + containerPort;
        }
    }
}
