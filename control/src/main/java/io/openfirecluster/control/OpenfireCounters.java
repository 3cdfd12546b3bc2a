package io.openfirecluster.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openfirecluster.labplugin.LabPlugin;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * One node's chat message counters, from the lab's plugin in the node ({@code /counters} on port
 * 9095, asked in the node on loopback like {@link OpenfireView}): CHAT_IN, the chat messages with
 * a body Openfire received from its client sessions, and CHAT_OUT, those it delivered to them,
 * since the plugin started. Summed over the nodes they count every client's messages the same way.
 */
public record OpenfireCounters(long chatIn, long chatOut) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ASK = Duration.ofSeconds(5);

    /** No messages: the start of a sum. */
    public static final OpenfireCounters ZERO = new OpenfireCounters(0, 0);

    /** The counters of Openfire in CONTAINER; empty while the plugin does not answer (starting, stopped, paused). */
    public static Optional<OpenfireCounters> read(LabNetwork lab, String container) {
        try {
            Containers.ExecResult answer = lab.containers().exec(container, ASK, "/opt/openfire-lab/local-http",
                    String.valueOf(LabPlugin.PORT), LabPlugin.COUNTERS);
            return answer.exitCode() == 0 ? Optional.of(parse(answer.output())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // not running or not answering: it says nothing
        }
    }

    /** The plugin's JSON answer; fails (IllegalArgumentException) on anything else. */
    public static OpenfireCounters parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not the lab plugin's counters: " + e.getMessage(), e);
        }
        if (root == null || !root.path("chatIn").isIntegralNumber() || !root.path("chatOut").isIntegralNumber()) {
            throw new IllegalArgumentException("not the lab plugin's counters: " + json);
        }
        return new OpenfireCounters(root.path("chatIn").asLong(), root.path("chatOut").asLong());
    }

    /** These counters and OTHER's together (a sum over nodes). */
    public OpenfireCounters plus(OpenfireCounters other) {
        return new OpenfireCounters(chatIn + other.chatIn, chatOut + other.chatOut);
    }

    /** What was counted since EARLIER (a reading of the same node or sum). */
    public OpenfireCounters since(OpenfireCounters earlier) {
        return new OpenfireCounters(chatIn - earlier.chatIn, chatOut - earlier.chatOut);
    }
}
