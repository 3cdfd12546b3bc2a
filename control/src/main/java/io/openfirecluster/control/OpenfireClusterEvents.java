package io.openfirecluster.control;

import java.time.Instant;
import java.util.List;
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
    private static final Pattern EVENT = Pattern.compile("(This|Another) node \\([^/]+/([^.]+)\\..*\\) has (joined|left) the cluster");
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
        Set<String> knows = new TreeSet<>();
        for (String line : lines) {
            if (line.contains(CONTAINER_START)) {
                knows.clear();
            }
            Matcher event = EVENT.matcher(line);
            if (event.find()) {
                String name = event.group(2);
                switch (event.group(1) + " " + event.group(3)) {
                    case "This left" -> knows.clear();
                    case "This joined", "Another joined" -> knows.add(name);
                    default -> knows.remove(name);
                }
            }
        }
        return knows;
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
