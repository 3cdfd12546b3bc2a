package io.openfirecluster.checker;

import java.util.List;
import java.util.Optional;

/**
 * What the checker found for 1:1 messages. Every sent message is exactly one of live, late or
 * lost, so {@code sent == live + late + lost}; the other counts are about the same messages seen
 * from another side (a duplicated message also counts once in live or late).
 *
 * @param sent       messages whose send was recorded (sendStanza returned on an authenticated connection)
 * @param acked      of those, acknowledged by the server (XEP-0198)
 * @param live       first delivered in the normal course (no heal between send and receive, no delay mark)
 * @param late       first delivered after a fault healed, or marked delayed (offline storage)
 * @param lost       never delivered to any client
 * @param lostAcked  of the lost, acknowledged by the server: the server took them and dropped them
 * @param bounced    of the lost, answered with an error to the sender: a failure the sender was told of
 * @param duplicated messages delivered more than once to the same client
 * @param reordered  messages delivered after one of the same pair (sender, addressee, receiving
 *                   client) with a higher sequence number
 * @param rerouted   messages delivered to a client other than their addressee
 * @param unsent     distinct messages delivered whose send was never recorded
 * @param anomalies  the messages behind the counts (the report lists them per kind)
 * @param latency    latencies of live deliveries
 * @param deliveries the first delivery of every delivered message (live and late), in send order
 * @param pairs      the counts per kind of pair of sender and addressee, one per kind that occurred,
 *                   in {@link PairKind}'s order (their sums are the counts above, rerouted and
 *                   acknowledged aside)
 */
public record DirectResult(long sent, long acked, long live, long late, long lost, long lostAcked, long bounced,
                           long duplicated, long reordered, long rerouted, long unsent,
                           List<Anomaly> anomalies, Latencies latency, List<Delivery> deliveries, List<PairResult> pairs) {

    public DirectResult {
        anomalies = List.copyOf(anomalies);
        deliveries = List.copyOf(deliveries);
        pairs = List.copyOf(pairs);
    }

    /** A result without the break-down per pair kind. */
    public DirectResult(long sent, long acked, long live, long late, long lost, long lostAcked, long bounced,
                        long duplicated, long reordered, long rerouted, long unsent,
                        List<Anomaly> anomalies, Latencies latency, List<Delivery> deliveries) {
        this(sent, acked, live, late, lost, lostAcked, bounced, duplicated, reordered, rerouted, unsent, anomalies, latency, deliveries, List.of());
    }

    /** The counts of pairs of KIND, empty when no message went between such clients. */
    public Optional<PairResult> pair(PairKind kind) {
        return pairs.stream().filter(pair -> pair.pair() == kind).findFirst();
    }

    /** The invariant of the count: every sent message is live, late or lost, exactly once. */
    public boolean invariantHolds() {
        return sent == live + late + lost;
    }
}
