package io.openfirecluster.workload.load;

import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.MessageId;
import io.openfirecluster.workload.Endpoint;
import io.openfirecluster.workload.HistoryRecorder;
import io.openfirecluster.workload.LabClients;
import io.openfirecluster.workload.lean.LeanClientPool;
import io.openfirecluster.workload.lean.LeanEvents;
import io.openfirecluster.workload.lean.LeanLogin;
import io.openfirecluster.workload.lean.LeanSession;
import io.openfirecluster.workload.lean.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The load's clients: lean sessions on one selector thread, client I logging in as loadI through
 * entry point I mod the entry points' count (neighbours land on different entry points), and
 * paired for messages (the 1st with the 2nd, the 3rd with the 4th, ...). Every login, drop, send
 * and receipt goes into the run's history (streamed to a file, checked afterwards), and each
 * message counts in the {@link Tally} it was sent under, so a step of a curve knows its own
 * messages' times to deliver. A client whose session drops logs in again through the reconnect
 * entry point (the load balancer) when reconnecting is on, paced at the plan's login rate.
 */
final class LoadClients implements AutoCloseable {
    /** Messages of one phase (a step, a failover): counted on send and on first arrival. */
    static final class Tally {
        final AtomicLong sent = new AtomicLong();
        final ConcurrentLinkedQueue<Long> deliverNanos = new ConcurrentLinkedQueue<>();
        final AtomicLong late = new AtomicLong();
        final AtomicLong bounced = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        /** Set when the phase was judged: what arrives after is late. */
        volatile boolean judged;

        long delivered() {
            return deliverNanos.size() + late.get();
        }
    }

    private record Sent(Tally tally, long nanos) {
    }

    private final List<LeanLogin> logins = new ArrayList<>();
    private final double loginRate;
    private final Endpoint reconnectEntry;
    private final HistoryRecorder history;
    /** System.nanoTime() of the history's nanos 0. */
    private final long origin;
    private final String run;
    private final int pairs;

    private final AtomicReferenceArray<LeanSession> ready;
    private final AtomicInteger readyCount = new AtomicInteger();
    private final AtomicInteger everReady = new AtomicInteger();
    private final Map<String, AtomicInteger> loginFailures = new ConcurrentHashMap<>();
    private final AtomicInteger failedFirstLogins = new AtomicInteger();
    private final long[] seq;
    private final Map<String, Sent> outstanding = new ConcurrentHashMap<>();
    private final AtomicLong lastSentOrReceived = new AtomicLong(System.nanoTime());

    /** Drops and returns since {@link #markFailover()}: System.nanoTime() per client, 0 for none. */
    private final AtomicLongArray droppedAt;
    private final AtomicLongArray backAt;
    private volatile boolean reconnecting;
    private final ConcurrentLinkedQueue<Integer> toReconnect = new ConcurrentLinkedQueue<>();
    private final Thread reconnector;

    private volatile Tally tally = new Tally();
    private final LeanClientPool pool;

    /** CLIENTS clients on the accounts from {@code load}FIRST_ACCOUNT on. */
    LoadClients(int clients, int firstAccount, List<Endpoint> entries, double loginRate, Endpoint reconnectEntry, HistoryRecorder history) {
        this.loginRate = loginRate;
        this.reconnectEntry = reconnectEntry;
        this.history = history;
        this.origin = System.nanoTime() - history.now();
        this.run = "load" + Long.toString(System.currentTimeMillis(), 36);
        this.pairs = clients / 2;
        this.ready = new AtomicReferenceArray<>(clients);
        this.seq = new long[clients];
        this.droppedAt = new AtomicLongArray(clients);
        this.backAt = new AtomicLongArray(clients);
        for (int i = 0; i < clients; i++) {
            // A resource of this run's own: Openfire has kept a closed run's sessions for minutes, and a
            // new one binding the same resource then got a conflict (docs/load.md).
            logins.add(new LeanLogin(i, entries.get(i % entries.size()), LoadPlan.USER_PREFIX + (firstAccount + i), LabClients.PASSWORD, name(i) + "-" + run));
        }
        this.pool = new LeanClientPool(new Events());
        this.reconnector = new Thread(this::reconnectLoop, "load-reconnect");
        reconnector.setDaemon(true);
        reconnector.start();
    }

    int planned() {
        return logins.size();
    }

    int ready() {
        return readyCount.get();
    }

    /** Sessions that logged in at least once. */
    int everReady() {
        return everReady.get();
    }

    int failedFirstLogins() {
        return failedFirstLogins.get();
    }

    /** First logins that failed, by reason. */
    Map<String, Integer> loginFailures() {
        Map<String, Integer> copy = new TreeMap<>();
        loginFailures.forEach((reason, count) -> copy.put(reason, count.get()));
        return copy;
    }

    /**
     * Logs every client in at the login rate; returns when all are in or failed, or at DEADLINE
     * (System.nanoTime()), telling PROGRESS every few seconds.
     */
    void logInAll(long deadline, Consumer<String> progress) throws InterruptedException {
        long start = System.nanoTime();
        long nextProgress = start + 5_000_000_000L;
        pool.logIn(logins, loginRate);
        while (everReady.get() + failedFirstLogins.get() < logins.size() && System.nanoTime() < deadline) {
            Thread.sleep(100); // polling with a deadline
            if (System.nanoTime() > nextProgress) {
                progress.accept(String.format(java.util.Locale.ROOT, "logging in: %d of %d clients in, %d failed, %.0f s",
                        everReady.get(), logins.size(), failedFirstLogins.get(), (System.nanoTime() - start) / 1e9));
                nextProgress += 5_000_000_000L;
            }
        }
    }

    /** From now, messages count in a new tally, which is returned. */
    Tally newTally() {
        Tally next = new Tally();
        tally = next;
        return next;
    }

    /**
     * Sends RATE messages a second in all for LENGTH, going round the pairs and alternating
     * directions; a sender not logged in at its turn skips it (counted in SKIPPED). Returns, once
     * every send was made, the seconds the sending took (more than LENGTH when this side could not
     * keep the pace).
     */
    double send(double rate, Duration length, AtomicLong skipped) throws InterruptedException {
        long start = System.nanoTime();
        long total = Math.max(1, Math.round(rate * length.toNanos() / 1e9));
        for (long n = 0; n < total; n++) {
            Pacing.awaitSend(start, n, rate);
            int pair = (int) ((n / 2) % pairs);
            int from = 2 * pair + (int) (n % 2);
            int to = 2 * pair + 1 - (int) (n % 2);
            pool.execute(() -> {
                LeanSession sender = ready.get(from);
                if (sender == null || !sender.isReady()) {
                    skipped.incrementAndGet();
                    return;
                }
                String id = new MessageId(run, name(from), name(to), ++seq[from]).encode();
                sender.sendChat(logins.get(to).user() + "@" + logins.get(to).entry().domain() + "/" + logins.get(to).resource(), id, id);
            });
        }
        // The sends are tasks queued for the selector thread, run in order: once this marker has
        // run, every send of the call has been made (or skipped), so its tally counts them all.
        CountDownLatch sent = new CountDownLatch(1);
        pool.execute(sent::countDown);
        if (!sent.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the clients' thread did not make the sends within 30 s");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until every message of TALLY arrived or DEADLINE (System.nanoTime()); then what arrives is late. */
    void judge(Tally judged, long deadline) throws InterruptedException {
        while (judged.delivered() + judged.bounced.get() < judged.sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling with a deadline
        }
        judged.judged = true;
    }

    /** Waits until nothing is outstanding, or nothing was sent or received for QUIET, or DEADLINE. */
    void drain(Duration quiet, long deadline) throws InterruptedException {
        while (!outstanding.isEmpty() && System.nanoTime() < deadline
                && System.nanoTime() - lastSentOrReceived.get() < quiet.toNanos()) {
            Thread.sleep(50); // polling with a deadline
        }
    }

    /** Messages sent and never delivered (so far). */
    long outstanding() {
        return outstanding.size();
    }

    /** Messages of TALLY still outstanding. */
    long outstanding(Tally of) {
        return outstanding.values().stream().filter(sent -> sent.tally() == of).count();
    }

    /** Clients dropped from now on log in again, through the reconnect entry point. */
    void reconnect(boolean on) {
        reconnecting = on;
    }

    /** From now, drops and returns are timed anew (for one failover). */
    void markFailover() {
        for (int i = 0; i < droppedAt.length(); i++) {
            droppedAt.set(i, 0);
            backAt.set(i, 0);
        }
    }

    /** Drops since the mark: System.nanoTime() of each. */
    List<Long> drops() {
        return times(droppedAt);
    }

    /** Of the clients dropped since the mark, when each was back (0 for not yet), in client order. */
    List<Long> returns() {
        List<Long> returns = new ArrayList<>();
        for (int i = 0; i < droppedAt.length(); i++) {
            if (droppedAt.get(i) != 0) {
                returns.add(backAt.get(i));
            }
        }
        return returns;
    }

    private static List<Long> times(AtomicLongArray array) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            if (array.get(i) != 0) {
                times.add(array.get(i));
            }
        }
        return times;
    }

    @Override
    public void close() {
        reconnecting = false;
        reconnector.interrupt();
        pool.close(Duration.ofSeconds(30));
    }

    private static String name(int index) {
        return "l" + (index + 1);
    }

    private void reconnectLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(100); // collecting the drops of a tenth of a second into one paced batch
                List<LeanLogin> batch = new ArrayList<>();
                Integer index;
                while ((index = toReconnect.poll()) != null) {
                    LeanLogin first = logins.get(index);
                    batch.add(new LeanLogin(first.index(), reconnectEntry, first.user(), first.password(), first.resource()));
                }
                if (!batch.isEmpty()) {
                    pool.logIn(batch, loginRate);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private long historyNanos(long nanos) {
        return nanos - origin;
    }

    /** Everything the sessions report, on the selector thread: quick bookkeeping only. */
    private final class Events implements LeanEvents {
        @Override
        public void loggedIn(LeanSession session, long nanos) {
            int index = session.login().index();
            ready.set(index, session);
            readyCount.incrementAndGet();
            if (session.login().entry() == reconnectEntry && droppedAt.get(index) != 0) {
                backAt.compareAndSet(index, 0, nanos);
            } else if (session.login() == logins.get(index)) {
                everReady.incrementAndGet();
            }
            history.record(Event.connect(historyNanos(nanos), name(index), session.login().entry().name(), session.jid()));
        }

        @Override
        public void failed(LeanSession session, String reason, long nanos) {
            int index = session.login().index();
            if (ready.compareAndSet(index, session, null)) {
                readyCount.decrementAndGet();
                droppedAt.compareAndSet(index, 0, nanos);
                backAt.set(index, 0);
                history.record(Event.client(historyNanos(nanos), name(index), session.login().entry().name(), Event.Kind.DISCONNECT, "", reason));
                if (reconnecting) {
                    toReconnect.add(index);
                }
            } else if (session.login() == logins.get(index)) {
                failedFirstLogins.incrementAndGet();
                loginFailures.computeIfAbsent(reason.replaceAll("\\d+", "N"), r -> new AtomicInteger()).incrementAndGet();
            } else if (reconnecting) {
                toReconnect.add(index); // a login again that failed: again, at the pace
            }
        }

        @Override
        public void sent(LeanSession session, String id, String to, long nanos) {
            Tally current = tally;
            current.sent.incrementAndGet();
            outstanding.put(id, new Sent(current, nanos));
            lastSentOrReceived.set(nanos);
            MessageId.decode(id).ifPresent(message -> history.record(Event.message(historyNanos(nanos), message.from(),
                    session.login().entry().name(), Event.Kind.SEND, message, false, "")));
        }

        @Override
        public void received(LeanSession session, ReceivedMessage message) {
            if (message.id() == null) {
                return;
            }
            MessageId id = MessageId.decode(message.id()).orElse(null);
            if (id == null || !id.run().equals(run)) {
                return; // not this run's (offline storage from an earlier one)
            }
            lastSentOrReceived.set(message.nanos());
            String entry = session.login().entry().name();
            if ("error".equals(message.type())) {
                Sent sent = outstanding.remove(message.id());
                if (sent != null) {
                    sent.tally().bounced.incrementAndGet();
                }
                history.record(Event.message(historyNanos(message.nanos()), id.from(), entry, Event.Kind.BOUNCE, id, false, "error"));
                return;
            }
            history.record(Event.message(historyNanos(message.nanos()), id.to(), entry, Event.Kind.RECEIVE, id, false, ""));
            Sent sent = outstanding.remove(message.id());
            if (sent == null) {
                return; // a second copy: the checker counts duplicates from the history
            }
            if (sent.tally().judged) {
                sent.tally().late.incrementAndGet();
            } else {
                sent.tally().deliverNanos.add(message.nanos() - sent.nanos());
            }
        }
    }
}
