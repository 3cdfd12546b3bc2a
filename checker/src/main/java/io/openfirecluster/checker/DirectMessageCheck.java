package io.openfirecluster.checker;

import io.openfirecluster.topology.Format;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 1:1 part of the check. Every recorded send is classified by its first delivery (to any
 * client: a message to an offline resource may reach another resource of the account) as live,
 * late or lost; duplicates, reorders and reroutes are counted from every delivery on top. Every
 * message also counts in its pair's kind (same node, cross node, cross domain, via the load
 * balancer; {@link PairClassifier}), by its sender and addressee.
 *
 * <p>Events come one at a time, in time order. The state is one small entry per message (its
 * send, whether it was acknowledged or bounced, its first delivery and who received it how often)
 * and one per pair of sender, addressee and receiving client (the highest sequence number
 * delivered), never the events themselves; whether a message was lost is only known at the end.
 */
final class DirectMessageCheck {
    private final Map<String, Message> messages = new HashMap<>();
    /** The messages in the order of their first send, and of their first receive (for receives of unsent messages). */
    private final List<Message> sendOrder = new ArrayList<>();
    private final List<Message> receiveOrder = new ArrayList<>();
    /** Per sender, addressee and receiving client: the highest sequence number first delivered so far. */
    private final Map<String, Long> highest = new HashMap<>();
    /** Per sender and addressee (the pair kind is only known at the end): messages first delivered after a higher one. */
    private final Map<String, Long> reorderedPerPair = new HashMap<>();
    private final List<Anomaly> reorders = new ArrayList<>();

    void observe(Event event) {
        switch (event.kind()) {
            case SEND -> {
                Message message = message(event.messageId());
                if (message.send == null) {
                    message.send = event;
                    sendOrder.add(message);
                }
            }
            case SEND_ACKED -> message(event.messageId()).acked = true;
            case BOUNCE -> {
                Message message = message(event.messageId());
                if (message.bounce == null) {
                    message.bounce = event.detail();
                }
            }
            case RECEIVE -> received(event);
            default -> {
            }
        }
    }

    private Message message(String id) {
        return messages.computeIfAbsent(id, unknown -> new Message());
    }

    private void received(Event receive) {
        Message message = message(receive.messageId());
        if (message.firstReceive == null) {
            message.firstReceive = receive;
            receiveOrder.add(message);
        }
        if (!message.deliveredTo(receive.client())) {
            return; // a repeated delivery is a duplicate, not a reorder
        }
        String pair = receive.from() + " " + receive.to() + " " + receive.client();
        long before = highest.getOrDefault(pair, 0L);
        if (receive.seq() < before) {
            reorderedPerPair.merge(receive.from() + "\u0000" + receive.to(), 1L, Long::sum);
            reorders.add(anomaly(Anomaly.Kind.REORDERED, receive, "seq " + receive.seq() + " after seq " + before + " at " + receive.client()));
        } else {
            highest.put(pair, receive.seq());
        }
    }

    DirectResult result(FaultTimeline faults, PairClassifier pairs) {
        Tally tally = new Tally();
        List<Anomaly> anomalies = new ArrayList<>();
        long acked = 0;
        for (Message message : sendOrder) {
            acked += message.acked ? 1 : 0;
            classify(message, pairs.of(message.send.from(), message.send.to()), faults, tally, anomalies);
        }
        for (Message stranger : receiveOrder) {
            if (stranger.send == null) {
                tally.unsent++;
                anomalies.add(anomaly(Anomaly.Kind.UNSENT, stranger.firstReceive, "received by " + stranger.firstReceive.client()));
            }
        }
        reorderedPerPair.forEach((pair, times) -> {
            String[] fromTo = pair.split("\u0000", -1);
            tally.reordered += times;
            tally.of(pairs.of(fromTo[0], fromTo[1])).reordered += times;
        });
        anomalies.addAll(reorders);
        return new DirectResult(sendOrder.size(), acked,
                tally.live, tally.late, tally.lost, tally.lostAcked, tally.bounced,
                tally.duplicated, tally.reordered, tally.rerouted, tally.unsent, anomalies, Latencies.of(tally.latencies), tally.deliveries,
                tally.pairResults());
    }

    private static void classify(Message message, PairKind kind, FaultTimeline faults, Tally tally, List<Anomaly> anomalies) {
        Event send = message.send;
        PairTally pair = tally.of(kind);
        pair.sent++;
        if (message.firstReceive == null) {
            tally.lost++;
            pair.lost++;
            tally.lostAcked += message.acked ? 1 : 0;
            tally.bounced += message.bounce != null ? 1 : 0;
            String why = message.bounce != null ? "bounced: " + message.bounce : message.acked ? "acknowledged by the server" : "not acknowledged";
            anomalies.add(anomaly(Anomaly.Kind.LOST, send, why));
            return;
        }
        Event first = message.firstReceive;
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
        Map<String, Long> perClient = message.receivers();
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
     * What is known of one message. Most messages reach one client once: that client and its count
     * are kept inline, a map only for messages that reached several.
     */
    private static final class Message {
        Event send;
        boolean acked;
        String bounce;
        Event firstReceive;
        private int firstReceiverCount;
        private Map<String, Long> otherReceivers;

        /** Counts a delivery to CLIENT; whether it is the first to CLIENT. */
        boolean deliveredTo(String client) {
            if (client.equals(firstReceive.client())) {
                return ++firstReceiverCount == 1;
            }
            if (otherReceivers == null) {
                otherReceivers = new HashMap<>(2);
            }
            return otherReceivers.merge(client, 1L, Long::sum) == 1;
        }

        /** How often each client received it, by client. */
        Map<String, Long> receivers() {
            TreeMap<String, Long> receivers = new TreeMap<>();
            receivers.put(firstReceive.client(), (long) firstReceiverCount);
            if (otherReceivers != null) {
                receivers.putAll(otherReceivers);
            }
            return receivers;
        }
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
