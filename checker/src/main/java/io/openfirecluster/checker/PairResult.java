package io.openfirecluster.checker;

/**
 * The 1:1 counts of one {@link PairKind}: the messages sent between clients so placed, and what
 * became of them. As for all messages, {@code sent == live + late + lost}.
 *
 * @param pair       the kind of pair (same node, cross node, cross domain, via the load balancer)
 * @param sent       messages sent between such clients (classified by sender and addressee)
 * @param live       first delivered in the normal course
 * @param late       first delivered after a heal, or from offline storage
 * @param lost       never delivered
 * @param duplicated delivered more than once to the same client
 * @param reordered  first deliveries after a higher sequence number of the same sender, addressee and receiver
 * @param latency    latencies of the live deliveries
 */
public record PairResult(PairKind pair, long sent, long live, long late, long lost, long duplicated, long reordered,
                         Latencies latency) {
}
