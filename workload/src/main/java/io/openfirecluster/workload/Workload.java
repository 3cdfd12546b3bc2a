package io.openfirecluster.workload;

import io.openfirecluster.checker.History;
import io.openfirecluster.topology.Format;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The bounded workload: the plan's clients, one thread each, log in on their entry points, then
 * send sequenced messages all-to-all and to the room at the plan's total rate until its duration
 * ends, recording everything into the history. Use:
 *
 * <pre>{@code
 * HistoryRecorder recorder = new HistoryRecorder();
 * try (Workload workload = new Workload(plan, entry -> LabClients.c2s(entry.domain(), "user1", entry.host(), entry.port()), recorder)) {
 *     workload.start();                          // clients logged in, sending
 *     workload.recordFault("cut xmpp3", true);   // ... apply the fault, later heal it ...
 *     workload.recordFault("cut xmpp3", false);
 *     workload.drain(Duration.ofSeconds(30));    // sends end by themselves; wait for deliveries
 * }
 * CheckResult result = new ConsistencyChecker().check("partition", recorder.snapshot());
 * }</pre>
 *
 * Traffic goes only to the plan's entry points. A dropped client reconnects to its own entry point
 * (until a deadline per outage) during the sends and while draining, so messages held for it can still arrive.
 */
public final class Workload implements AutoCloseable {
    /** How long a client may take to log in, first and after a drop (nodes refuse logins for a while after a membership change). */
    static final Duration CONNECT_DEADLINE = Duration.ofSeconds(60);
    /** How often a client that is done sending checks that it is still connected. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

    /** The caller's part of a connection: domain, host, port, STARTTLS and trust for one entry point. */
    @FunctionalInterface
    public interface ConnectionSetup {
        /** A builder for ENTRY (trusting a server of ENTRY's domain); the workload sets the domain, user, password and resource itself. */
        XMPPTCPConnectionConfiguration.Builder builderFor(Endpoint entry) throws Exception;
    }

    private final WorkloadPlan plan;
    private final HistoryRecorder recorder;
    private final Consumer<String> log;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final OutstandingMessages outstanding = new OutstandingMessages();
    private final List<WorkloadClient> clients = new ArrayList<>();
    private final Map<String, Jid> addresses = new LinkedHashMap<>();
    private final ExecutorService threads;
    private final CountDownLatch loggedIn;
    private final CountDownLatch sendsDone;
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long sendsEnd;
    private volatile boolean stopping;
    private boolean started;

    /** A workload that logs to standard output. */
    public Workload(WorkloadPlan plan, ConnectionSetup setup, HistoryRecorder recorder) {
        this(plan, setup, recorder, line -> System.out.println("[checker] " + line));
    }

    /**
     * A workload of PLAN, connecting through SETUP, recording into RECORDER, logging through LOG.
     *
     * @throws IllegalArgumentException when SETUP cannot configure a connection to an entry point
     */
    public Workload(WorkloadPlan plan, ConnectionSetup setup, HistoryRecorder recorder, Consumer<String> log) {
        this.plan = plan;
        this.recorder = recorder;
        this.log = log;
        Optional<EntityBareJid> room = plan.hasRoom() ? Optional.of(JidCreate.entityBareFromOrThrowUnchecked(plan.room())) : Optional.empty();
        Set<String> observedEntries = new HashSet<>();
        for (ClientSpec spec : plan.clientSpecs()) {
            XMPPTCPConnectionConfiguration configuration = configure(setup, spec);
            addresses.put(spec.id(), JidCreate.entityFullFromOrThrowUnchecked(
                    spec.account().user() + "@" + configuration.getXMPPServiceDomain() + "/" + spec.id()));
            // The first client on each entry point reports the room as that entry point shows it.
            boolean observer = observedEntries.add(spec.entry().name());
            clients.add(new WorkloadClient(spec, configuration, recorder, run, room, observer, outstanding));
        }
        this.threads = Executors.newFixedThreadPool(clients.size(), runnable -> {
            Thread thread = new Thread(runnable, "workload");
            thread.setDaemon(true);
            return thread;
        });
        this.loggedIn = new CountDownLatch(clients.size());
        this.sendsDone = new CountDownLatch(clients.size());
    }

    /** The run token in every message id of this workload (see {@link MessageId}). */
    public String run() {
        return run;
    }

    /**
     * Logs every client in (each within {@link #CONNECT_DEADLINE}), then starts the sends, which end
     * by themselves after the plan's duration.
     *
     * @throws IllegalStateException when no client could log in at all
     */
    public synchronized void start() throws InterruptedException {
        if (started) {
            throw new IllegalStateException("the workload was started already; make a new one per run");
        }
        started = true;
        List<String> ids = clients.stream().map(WorkloadClient::id).toList();
        for (WorkloadClient client : clients) {
            threads.execute(() -> drive(client, new TargetCycle(ids, client.id(), plan.hasRoom())));
        }
        loggedIn.await(CONNECT_DEADLINE.plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        long connected = clients.stream().filter(WorkloadClient::isLoggedIn).count();
        if (connected == 0) {
            String error = clients.get(0).lastError();
            close();
            throw new IllegalStateException("no workload client could log in at " + plan.entries() + " (first client: " + error
                    + "): is the lab up and are the entry points right?");
        }
        log.accept(connected + " of " + clients.size() + " clients logged in (run " + run + "); sending "
                + Format.decimal(plan.rate()) + " msg/s for " + Format.seconds(plan.duration()));
        sendsEnd = System.nanoTime() + plan.duration().toNanos();
        go.countDown();
    }

    /** The scenario runner's hook: records that a fault was applied (or healed, APPLIED false) now. */
    public void recordFault(String description, boolean applied) {
        recorder.recordFault(description, applied);
        log.accept((applied ? "fault applied: " : "fault healed: ") + description);
    }

    /** Waits until every client's send loop has ended (the plan's duration, plus a reconnect in progress). */
    public void awaitSendsEnd() throws InterruptedException {
        if (!started) {
            throw new IllegalStateException("the workload was not started");
        }
        sendsDone.await(plan.duration().plus(CONNECT_DEADLINE).plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for the sends to end, then up to DEADLINE for every sent message to settle: a 1:1
     * message delivered or bounced, a room message delivered to every client that was in the room
     * when it was sent and has stayed connected. Returns how many messages are still outstanding.
     */
    public int drain(Duration deadline) throws InterruptedException {
        awaitSendsEnd();
        int left = outstanding.awaitNone(deadline);
        log.accept(left == 0 ? "drained: every message settled" : "drain deadline of " + Format.seconds(deadline)
                + " passed with " + left + " messages outstanding");
        return left;
    }

    /** What the clients recorded so far. */
    public History history() {
        return recorder.snapshot();
    }

    /** Stops recording on every client first, then disconnects them all and ends their threads. */
    @Override
    public void close() {
        stopping = true;
        go.countDown();
        clients.forEach(WorkloadClient::stopRecording);
        // In parallel: a client whose node is cut off waits out the reply timeout before it lets go.
        clients.parallelStream().forEach(WorkloadClient::close);
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One client's life: log in, send until the duration ends, then stay connected until close. */
    private void drive(WorkloadClient client, TargetCycle targets) {
        Thread.currentThread().setName("workload-" + client.id() + "-" + client.entry());
        try {
            try {
                client.ensureConnected(System.nanoTime() + CONNECT_DEADLINE.toNanos());
            } finally {
                loggedIn.countDown();
            }
            go.await();
            try {
                sendUntilEnd(client, targets);
            } finally {
                sendsDone.countDown();
            }
            // Sends are over: stay connected (reconnecting if dropped), so that messages held for
            // this client (offline storage, redelivery) can still arrive while the workload drains.
            while (!stopping && client.ensureConnected(System.nanoTime() + CONNECT_DEADLINE.toNanos())) {
                client.awaitChange(IDLE_CHECK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.accept("client " + client.id() + " on " + client.entry() + " stopped: " + e);
        } finally {
            if (client.hasGivenUp() && !stopping) {
                log.accept("client " + client.id() + " gave up connecting to " + client.entry() + " after trying for "
                        + Format.seconds(CONNECT_DEADLINE) + ": " + client.lastError());
            }
        }
    }

    private void sendUntilEnd(WorkloadClient client, TargetCycle targets) throws InterruptedException {
        RateLimiter limiter = new RateLimiter(plan.ratePerClient(), System::nanoTime);
        while (!stopping && limiter.acquire(sendsEnd)) {
            if (!client.ensureConnected(System.nanoTime() + CONNECT_DEADLINE.toNanos())) {
                return;
            }
            Optional<String> target = targets.next();
            if (target.isPresent()) {
                client.sendDirect(target.get(), addresses.get(target.get()));
            } else {
                client.sendToRoom(clients.stream().filter(WorkloadClient::isInRoom).map(WorkloadClient::id).toList());
            }
        }
    }

    private static XMPPTCPConnectionConfiguration configure(ConnectionSetup setup, ClientSpec spec) {
        try {
            return setup.builderFor(spec.entry())
                    .setXmppDomain(spec.account().domain())
                    .setUsernameAndPassword(spec.account().user(), spec.account().password())
                    .setResource(spec.id())
                    .build();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("client id " + spec.id() + " is not a valid resource: " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot configure a connection to entry point " + spec.entry().name()
                    + " (" + spec.entry().host() + ":" + spec.entry().port() + "): " + e.getMessage());
        }
    }
}
