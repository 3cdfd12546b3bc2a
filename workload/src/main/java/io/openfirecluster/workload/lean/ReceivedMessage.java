package io.openfirecluster.workload.lean;

/**
 * A message stanza as a lean client received it: its id, sender, type ("chat", "error", ...),
 * body (empty when it had none) and the System.nanoTime() when its last byte was parsed.
 */
public record ReceivedMessage(String id, String from, String type, String body, long nanos) {
}
