package io.openfirecluster.federation;

import io.openfirecluster.topology.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jxmpp.jid.EntityFullJid;

/**
 * Chat messages from senders on some nodes of the home domain to one session of the remote
 * domain, one per sender every PERIOD, for as long as it runs: each message's stanza id is its
 * own, so the record says for every message when it was sent, when it first arrived (and how often),
 * and whether its sender got an error reply (Openfire bounces what it could not route, with the
 * message's id). Sends that fail on the client (a dropped c2s connection) are not counted as sent.
 */
final class CrossDomainTraffic implements AutoCloseable {
    /** One message: from NODE, SENT when, its first ARRIVAL, how many times it ARRIVED, and when its sender got a BOUNCE. */
    static final class Record {
        final String id;
        final String node;
        final Instant sent;
        volatile Instant arrival;
        volatile int arrived;
        volatile Instant bounce;
        volatile String error = "";

        Record(String id, String node, Instant sent) {
            this.id = id;
            this.node = node;
            this.sent = sent;
        }

        /** Delivered or bounced: nothing more to come for it. */
        boolean settled() {
            return arrival != null || bounce != null;
        }
    }

    private static final AtomicLong RUNS = new AtomicLong();

    private final String run = "run" + RUNS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    private final Client receiver;
    private final List<Client> senders;
    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private final List<Record> order = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cross-domain-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private final StanzaListener arrivals;
    private final List<StanzaListener> bounces = new ArrayList<>();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();

    private CrossDomainTraffic(Client receiver, List<Client> senders) {
        this.receiver = receiver;
        this.senders = List.copyOf(senders);
        arrivals = stanza -> arrived(stanza);
        receiver.connection.addAsyncStanzaListener(arrivals, MessageTypeFilter.CHAT);
        for (Client sender : this.senders) {
            StanzaListener bounce = stanza -> bounced(stanza);
            sender.connection.addAsyncStanzaListener(bounce, MessageTypeFilter.ERROR);
            bounces.add(bounce);
        }
    }

    /** Starts each of SENDERS sending RECEIVER a message every PERIOD. */
    static CrossDomainTraffic start(Client receiver, List<Client> senders, Duration period) {
        CrossDomainTraffic traffic = new CrossDomainTraffic(receiver, senders);
        for (Client sender : traffic.senders) {
            traffic.timer.scheduleAtFixedRate(() -> traffic.send(sender), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        return traffic;
    }

    private void send(Client sender) {
        EntityFullJid to = receiver.jid();
        Record record = new Record(run + "-" + sender.node + "-" + sequence.incrementAndGet(), sender.node, Instant.now());
        // Known before it is sent: its arrival may be seen before sendStanza returns.
        records.put(record.id, record);
        try {
            sender.connection.sendStanza(StanzaBuilder.buildMessage(record.id).to(to)
                    .ofType(Message.Type.chat).setBody("traffic " + record.id).build());
            synchronized (order) {
                order.add(record);
            }
        } catch (Exception e) {
            records.remove(record.id);
            sendFailures.incrementAndGet();
        }
    }

    private void arrived(Stanza stanza) {
        Record record = stanza.getStanzaId() == null ? null : records.get(stanza.getStanzaId());
        if (record != null) {
            synchronized (record) {
                if (record.arrival == null) {
                    record.arrival = Instant.now();
                }
                record.arrived++;
            }
        }
    }

    private void bounced(Stanza stanza) {
        Record record = stanza.getStanzaId() == null ? null : records.get(stanza.getStanzaId());
        if (record != null && record.bounce == null) {
            record.error = stanza.getError() == null ? "?" : stanza.getError().getCondition().toString();
            record.bounce = Instant.now();
        }
    }

    /** Stops sending; what is on its way may still arrive (see {@link #settled}). */
    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The messages sent so far, in the order they were sent. */
    List<Record> records() {
        synchronized (order) {
            return List.copyOf(order);
        }
    }

    /** Of the messages NODE sent at or after SINCE, when the first one arrived; empty while none did. */
    Optional<Instant> firstArrival(String node, Instant since) {
        return records().stream().filter(r -> r.node.equals(node) && !r.sent.isBefore(since) && r.arrival != null)
                .map(r -> r.arrival).min(Instant::compareTo);
    }

    /** Every message sent from SINCE on is delivered or bounced. */
    boolean settled(Instant since) {
        return records().stream().filter(r -> !r.sent.isBefore(since)).allMatch(Record::settled);
    }

    /** Of the messages sent from SINCE on, how many neither arrived nor bounced. */
    long lost(Instant since) {
        return records().stream().filter(r -> !r.sent.isBefore(since) && !r.settled()).count();
    }

    /**
     * The messages sent from SINCE on, counted: "N sent, delivered, lost (neither delivered nor
     * bounced), bounced (error replies, by condition), late (delivered, sent before HEALED but
     * arriving after it), duplicated (arrived more than once)", and sends the client failed.
     */
    String tally(Instant since, Instant healed) {
        List<Record> window = records().stream().filter(r -> !r.sent.isBefore(since)).toList();
        long delivered = window.stream().filter(r -> r.arrival != null).count();
        List<Record> bounced = window.stream().filter(r -> r.arrival == null && r.bounce != null).toList();
        long lost = window.stream().filter(r -> !r.settled()).count();
        long late = window.stream().filter(r -> r.arrival != null && r.sent.isBefore(healed) && r.arrival.isAfter(healed)).count();
        long duplicated = window.stream().filter(r -> r.arrived > 1).count();
        Map<String, Long> conditions = new java.util.TreeMap<>();
        bounced.forEach(r -> conditions.merge(r.error, 1L, Long::sum));
        Duration slowest = window.stream().filter(r -> r.arrival != null).map(r -> Duration.between(r.sent, r.arrival)).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        return window.size() + " sent, " + delivered + " delivered, " + lost + " lost, " + bounced.size() + " bounced"
                + (conditions.isEmpty() ? "" : " " + conditions) + ", " + late + " late, " + duplicated + " duplicated"
                + " (slowest delivery " + Format.seconds(slowest) + (sendFailures.get() > 0 ? ", " + sendFailures.get() + " sends failed on the client" : "") + ")";
    }

    @Override
    public void close() {
        stop();
        receiver.connection.removeAsyncStanzaListener(arrivals);
        for (int i = 0; i < senders.size(); i++) {
            senders.get(i).connection.removeAsyncStanzaListener(bounces.get(i));
        }
    }
}
