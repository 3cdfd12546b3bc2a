package io.openfirecluster.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which nodes a node's Openfire has joined into its cluster, from the events its ClusterMonitor
 * logs: "This node (ID/xmpp1.DOMAIN) has joined the cluster", "Another node (ID/xmpp2.DOMAIN (IP))
 * has left the cluster". Openfire offers no API for this (Hazelcast's own view is ClusterHealth),
 * so the lab reads these events, from the log stream it follows, and nowhere else.
 */
public final class OpenfireClusterEvents {
    /** Groups: this/another, the node's id, its name as Openfire knew it then (a host name, or "<unknown>"), joined/left. */
    private static final Pattern EVENT = Pattern.compile("(This|Another) node \\(([^/]+)/([^ )]+).*\\) has (joined|left) the cluster");
    /** The first line of every start of a node container (the image's entrypoint.sh). */
    private static final String CONTAINER_START = "entrypoint: node ";

    private OpenfireClusterEvents() {
    }

    /**
     * The nodes Openfire on this node knows as cluster members after the log LINES (Docker's
     * timestamped lines, oldest first): itself once it has joined, and the others it saw join and
     * not leave, since its container last started.
     */
    public static Set<String> knownNodes(List<String> lines) {
        return knownNodes(lines, Map.of());
    }

    /**
     * As {@link #knownNodes(List)}, naming a node Openfire logged as "&lt;unknown&gt;" (seen when a
     * node joins before its host name reached the others) by its id, from NAMES (node id to name,
     * see {@link #nodeIds}); a node that cannot be named counts under its id.
     */
    public static Set<String> knownNodes(List<String> lines, Map<String, String> names) {
        Set<String> knows = new TreeSet<>();
        for (String line : lines) {
            if (line.contains(CONTAINER_START)) {
                knows.clear();
            }
            Matcher event = EVENT.matcher(line);
            if (event.find()) {
                String name = shortName(event.group(3)).orElse(names.getOrDefault(event.group(2), event.group(2)));
                switch (event.group(1) + " " + event.group(4)) {
                    case "This left" -> knows.clear();
                    case "This joined", "Another joined" -> knows.add(name);
                    default -> knows.remove(name);
                }
            }
        }
        return knows;
    }

    /** The node ids a node's log names for itself ("This node (ID/xmpp1.DOMAIN) has joined"), id to short name. */
    public static Map<String, String> nodeIds(List<String> lines) {
        Map<String, String> ids = new HashMap<>();
        for (String line : lines) {
            Matcher event = EVENT.matcher(line);
            if (event.find() && event.group(1).equals("This")) {
                shortName(event.group(3)).ifPresent(name -> ids.put(event.group(2), name));
            }
        }
        return ids;
    }

    private static Optional<String> shortName(String hostName) {
        return hostName.startsWith("<") ? Optional.empty() : Optional.of(hostName.split("\\.")[0]);
    }

    /** When the last join or leave in LINES was logged (Instant.MIN if none): what "since" compares to. */
    public static Instant lastChange(List<String> lines) {
        Instant last = Instant.MIN;
        for (String line : lines) {
            if (EVENT.matcher(line).find()) {
                last = DockerLog.timestamp(line);
            }
        }
        return last;
    }
}
