package io.openfirecluster.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Hazelcast's REST health endpoint ({@code /hazelcast/health} on 5701) says of one node, e.g.
 * {@code {"nodeState":"ACTIVE","clusterState":"ACTIVE","clusterSafe":true,"migrationQueueSize":0,"clusterSize":3}}.
 */
public record ClusterHealth(String nodeState, String clusterState, boolean clusterSafe, int clusterSize) {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"?([\\w.]+)\"?");

    /** The health in BODY, or empty when BODY is not such an answer (the node is not up yet). */
    public static Optional<ClusterHealth> parse(String body) {
        String nodeState = null;
        String clusterState = null;
        Boolean safe = null;
        Integer size = null;
        Matcher field = FIELD.matcher(body == null ? "" : body);
        while (field.find()) {
            switch (field.group(1)) {
                case "nodeState" -> nodeState = field.group(2);
                case "clusterState" -> clusterState = field.group(2);
                case "clusterSafe" -> safe = Boolean.parseBoolean(field.group(2));
                case "clusterSize" -> size = Integer.parseInt(field.group(2));
                default -> { }
            }
        }
        return nodeState == null || size == null ? Optional.empty()
                : Optional.of(new ClusterHealth(nodeState, clusterState, Boolean.TRUE.equals(safe), size));
    }

    /** Active, safe (no migrations pending) and with exactly SIZE members. */
    public boolean isClusterOf(int size) {
        return "ACTIVE".equals(nodeState) && clusterSafe && clusterSize == size;
    }

    @Override
    public String toString() {
        return "hazelcast " + clusterSize + (clusterSafe ? "" : " unsafe") + ("ACTIVE".equals(nodeState) ? "" : " " + nodeState);
    }
}
