package io.openfirecluster.network;

import java.util.ArrayList;
import java.util.List;

/**
 * One service of the lab as the plugin configuration names it, e.g.
 * {@code <service><name>xmpp1</name><host>10</host><aliases>conference.xmpp1.localhost.example</aliases>
 * <ports>5221:5222,9091:9090</ports></service>}. Lists are comma-separated so a service stays one
 * short block in the pom.
 */
public class LabService {
    /** Short name: the holder is "NETWORK-NAME", and NAME and NAME.SUFFIX resolve to it. */
    private String name;
    /** Host number: the last group of both of its addresses (10 gives .10 and ::10). */
    private int host;
    /** More DNS names for it on the lab network. */
    private String aliases = "";
    /** Published ports, HOST:CONTAINER (TCP), bound to the lab's bind address. */
    private String ports = "";

    public LabService() {
    }

    public LabService(String name, int host, String aliases, String ports) {
        this.name = name;
        this.host = host;
        this.aliases = aliases;
        this.ports = ports;
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
