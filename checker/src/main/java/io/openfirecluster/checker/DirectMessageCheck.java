package io.openfirecluster.checker;

import io.openfirecluster.topology.Format;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The 1:1 part of the check. Every recorded send is classified by its first delivery (to any
 * client: a message to an offline resource may reach another resource of the account) as live,
 * late or lost; duplicates, reorders and reroutes are counted from every delivery on top. Every
 * message also counts in its pair's kind (same node, cross node, cross domain, via the load
 * balancer; {@link PairClassifier}), by its sender and addressee.
 */
final class DirectMessageCheck {
    private final FaultTimeline faults;

    DirectMessageCheck(FaultTimeline faults) {
        this.faults = faults;
    }

    DirectResult check(History history) {
        Map<String, Event> sends = new LinkedHashMap<>();
        history.ofKind(Event.Kind.SEND).forEach(send -> sends.putIfAbsent(send.messageId(), send));
        Set<String> acked = history.ofKind(Event.Kind.SEND_ACKED).stream().map(Event::messageId).collect(Collectors.toSet());
        Map<String, Event> bounces = new HashMap<>();
        history.ofKind(Event.Kind.BOUNCE).forEach(bounce -> bounces.putIfAbsent(bounce.messageId(), bounce));
        List<Event> receives = history.ofKind(Event.Kind.RECEIVE);
        Map<String, List<Event>> receipts = receives.stream()
                .collect(Collectors.groupingBy(Event::messageId, LinkedHashMap::new, Collectors.toList()));

        PairClassifier pairs = new PairClassifier(history);
        Tally tally = new Tally();
        List<Anomaly> anomalies = new ArrayList<>();
        for (Event send : sends.values()) {
            classify(send, pairs.of(send.from(), send.to()), receipts.getOrDefault(send.messageId(), List.of()),
                    acked.contains(send.messageId()), bounces.get(send.messageId()), tally, anomalies);
        }
        for (Map.Entry<String, List<Event>> stranger : receipts.entrySet()) {
            if (!sends.containsKey(stranger.getKey())) {
                tally.unsent++;
                anomalies.add(anomaly(Anomaly.Kind.UNSENT, stranger.getValue().get(0), "received by " + stranger.getValue().get(0).client()));
            }
        }
        anomalies.addAll(reorders(receives, pairs, tally));
        return new DirectResult(sends.size(), sends.keySet().stream().filter(acked::contains).count(),
                tally.live, tally.late, tally.lost, tally.lostAcked, tally.bounced,
                tally.duplicated, tally.reordered, tally.rerouted, tally.unsent, anomalies, Latencies.of(tally.latencies), tally.deliveries,
                tally.pairResults());
    }

    private void classify(Event send, PairKind kind, List<Event> receipts, boolean acked, Event bounce, Tally tally, List<Anomaly> anomalies) {
        PairTally pair = tally.of(kind);
        pair.sent++;
        if (receipts.isEmpty()) {
            tally.lost++;
            pair.lost++;
            tally.lostAcked += acked ? 1 : 0;
            tally.bounced += bounce != null ? 1 : 0;
            String why = bounce != null ? "bounced: " + bounce.detail() : acked ? "acknowledged by the server" : "not acknowledged";
            anomalies.add(anomaly(Anomaly.Kind.LOST, send, why));
            return;
        }
        Event first = receipts.get(0);
        boolean late = first.delayed() || faults.healedBetween(send.nanos(), first.nanos());
        tally.deliveries.add(new Delivery(send.nanos(), first.nanos(), kind, late));
        if (late) {
            tally.late++;
            pair.late++;
            anomalies.add(anomaly(Anomaly.Kind.LATE, send, (first.delayed() ? "delayed (offline storage)" : "after a heal")
                    + ", " + Format.seconds(Duration.ofNanos(first.nanos() - send.nanos())) + " after its send"));
        } else {
            tally.live++;
            pair.live++;
            tally.latencies.add(first.nanos() - send.nanos());
            pair.latencies.add(first.nanos() - send.nanos());
        }
        Map<String, Long> perClient = receipts.stream()
                .collect(Collectors.groupingBy(Event::client, TreeMap::new, Collectors.counting()));
        perClient.forEach((client, times) -> {
            if (times > 1) {
                anomalies.add(anomaly(Anomaly.Kind.DUPLICATED, send, "received " + times + " times by " + client));
            }
        });
        if (perClient.values().stream().anyMatch(times -> times > 1)) {
            tally.duplicated++;
            pair.duplicated++;
        }
        List<String> others = perClient.keySet().stream().filter(client -> !client.equals(send.to())).toList();
        if (!others.isEmpty()) {
            tally.rerouted++;
            anomalies.add(anomaly(Anomaly.Kind.REROUTED, send, "received by " + String.join(", ", others)));
        }
    }

    /**
     * A first delivery with a lower sequence number than one delivered before it, per sender,
     * addressee and receiving client. Repeated deliveries are duplicates, not reorders.
     */
    private static List<Anomaly> reorders(List<Event> receives, PairClassifier pairs, Tally tally) {
        List<Anomaly> anomalies = new ArrayList<>();
        Map<String, Long> highest = new HashMap<>();
        Set<String> delivered = new HashSet<>();
        for (Event receive : receives) {
            if (!delivered.add(receive.messageId() + " " + receive.client())) {
                continue;
            }
            String pair = receive.from() + " " + receive.to() + " " + receive.client();
            long before = highest.getOrDefault(pair, 0L);
            if (receive.seq() < before) {
                tally.reordered++;
                tally.of(pairs.of(receive.from(), receive.to())).reordered++;
                anomalies.add(anomaly(Anomaly.Kind.REORDERED, receive, "seq " + receive.seq() + " after seq " + before + " at " + receive.client()));
            } else {
                highest.put(pair, receive.seq());
            }
        }
        return anomalies;
    }

    private static Anomaly anomaly(Anomaly.Kind kind, Event message, String detail) {
        return new Anomaly(kind, message.from(), message.to(), message.seq(), message.messageId(), detail);
    }

    /** The running counts while classifying. */
    private static final class Tally {
        long live;
        long late;
        long lost;
        long lostAcked;
        long bounced;
        long duplicated;
        long reordered;
        long rerouted;
        long unsent;
        final List<Long> latencies = new ArrayList<>();
        final List<Delivery> deliveries = new ArrayList<>();
        final Map<PairKind, PairTally> pairs = new EnumMap<>(PairKind.class);

        PairTally of(PairKind kind) {
            return pairs.computeIfAbsent(kind, k -> new PairTally());
        }

        /** One result per kind that occurred, in PairKind's order. */
        List<PairResult> pairResults() {
            return pairs.entrySet().stream().map(entry -> entry.getValue().result(entry.getKey())).toList();
        }
    }

    /** The running counts of one pair kind. */
    private static final class PairTally {
        long sent;
        long live;
        long late;
        long lost;
        long duplicated;
        long reordered;
        final List<Long> latencies = new ArrayList<>();

        PairResult result(PairKind kind) {
            return new PairResult(kind, sent, live, late, lost, duplicated, reordered, Latencies.of(latencies));
        }
    }
}
