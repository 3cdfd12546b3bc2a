package io.openfirecluster.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What Hazelcast's REST health endpoint ({@code /hazelcast/health} on 5701) says of one node, e.g.
 * {@code {"nodeState":"ACTIVE","clusterState":"ACTIVE","clusterSafe":true,"migrationQueueSize":0,"clusterSize":3}}.
 */
public record ClusterHealth(String nodeState, String clusterState, boolean clusterSafe, int clusterSize) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The health in BODY, or empty when BODY is not such an answer (the node is not up yet). */
    public static Optional<ClusterHealth> parse(String body) {
        JsonNode health;
        try {
            health = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return Optional.empty(); // e.g. an HTML error page while Hazelcast starts
        }
        if (health == null || !health.path("nodeState").isTextual() || !health.path("clusterSize").canConvertToInt()
                || !health.path("clusterSize").isIntegralNumber()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterHealth(health.get("nodeState").textValue(), health.path("clusterState").asText(null),
                health.path("clusterSafe").asBoolean(false), health.get("clusterSize").intValue()));
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
