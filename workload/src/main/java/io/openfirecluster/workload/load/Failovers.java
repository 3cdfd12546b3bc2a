package io.openfirecluster.workload.load;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import io.openfirecluster.control.HealthWait;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.workload.HistoryRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What an operator fears, under load: a node carrying a share of the clients goes away and its
 * clients log in again through the load balancer. {@code crash} kills one node (then starts it
 * again); {@code rolling} stops and starts every node in turn, as an upgrade does, each one back
 * in the cluster before the next goes. Messages flow at the plan's rate all along; each node's
 * going is timed from the action until the last of its clients is back.
 */
final class Failovers {
    /**
     * How long the clients may go without one of them coming back before the rest count as not
     * back. The survivors take what they can (7 to 13 logins/s for 1,666 to 4,053 clients here),
     * and in a rolling restart the last node carries most clients (the balancer sends each
     * reconnect to a node that is up), so the wait follows the returns rather than a fixed time.
     */
    private static final Duration BACK_STALL = Duration.ofSeconds(60);
    /** The longest a node's clients may take to come back at all. */
    private static final Duration BACK_AT_MOST = Duration.ofMinutes(20);
    /** No drop for this long after the last one: the node's clients have all noticed. */
    private static final Duration DROPS_SETTLED = Duration.ofSeconds(3);
    private static final Duration REJOIN = Duration.ofSeconds(240);
    private static final long SAMPLE_NANOS = 250_000_000L;
    /** Messages before the first action, so the run starts steady. */
    private static final Duration STEADY = Duration.ofSeconds(5);

    /** One node's going, before its lost and late messages are known (the run drains first). */
    record Going(String action, int carried, int dropped, int back, double allBackSeconds, double loginRate, double rejoinSeconds,
                 LoadClients.Tally tally, List<double[]> curve) {
    }

    private final LoadPlan plan;
    private final LabNetwork lab;
    private final ResolvedTopology topology;
    private final LoadClients clients;
    private final LabMeter meter;
    private final HistoryRecorder history;
    private final Consumer<String> log;

    Failovers(LoadPlan plan, LabNetwork lab, ResolvedTopology topology, LoadClients clients, LabMeter meter, HistoryRecorder history,
              Consumer<String> log) {
        this.plan = plan;
        this.lab = lab;
        this.topology = topology;
        this.clients = clients;
        this.meter = meter;
        this.history = history;
        this.log = log;
    }

    List<Going> run() throws InterruptedException {
        List<String> nodes = plan.profile() == LoadPlan.Profile.CRASH ? List.of(plan.node()) : topology.nodes();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong skipped = new AtomicLong();
        clients.reconnect(true);
        Thread sender = new Thread(() -> {
            try {
                while (!stop.get()) {
                    clients.send(plan.rate(0), Duration.ofSeconds(1), skipped);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-sender");
        List<Going> goings = new ArrayList<>();
        sender.start();
        try {
            Thread.sleep(STEADY.toMillis()); // a steady stretch of messages before the first action, not a wait for a state
            for (String node : nodes) {
                goings.add(go(node));
            }
        } finally {
            stop.set(true);
            sender.join(10_000);
            clients.reconnect(false);
        }
        if (skipped.get() > 0) {
            log.accept("[load] " + skipped.get() + " sends skipped: their sender was not logged in at its turn (counted in no tally)");
        }
        return goings;
    }

    private Going go(String node) throws InterruptedException {
        boolean crash = plan.profile() == LoadPlan.Profile.CRASH;
        String action = (crash ? "crash " : "restart ") + node;
        int carried = meter.read().get(node).sessions();
        LoadClients.Tally tally = clients.newTally();
        clients.markFailover();
        String container = topology.container(node);
        Faults faults = new Faults(lab);
        Fault.Crash kill = new Fault.Crash(node);
        int readyBefore = clients.ready();
        long start = System.nanoTime();
        history.recordFault(action, true);
        if (crash) {
            faults.apply(kill);
        } else {
            lab.containers().stop(container, Duration.ofSeconds(30)); // Openfire's own shutdown: it closes its sessions
        }
        log.accept(String.format(Locale.ROOT, "[load] %s (it carried %d client sessions); its clients log in again through the load balancer", action, carried));
        List<double[]> curve = new ArrayList<>();
        curve.add(new double[] {0, readyBefore});
        long deadline = start + BACK_AT_MOST.toNanos();
        long nextSample = start + SAMPLE_NANOS;
        long nextProgress = start + 5_000_000_000L;
        int backSoFar = 0;
        long lastReturn = start;
        while (System.nanoTime() < deadline && !allBack() && System.nanoTime() - lastReturn < BACK_STALL.toNanos()) {
            long now = System.nanoTime();
            int backNow = back();
            if (backNow != backSoFar) {
                backSoFar = backNow;
                lastReturn = now;
            }
            if (now >= nextSample) {
                curve.add(new double[] {(now - start) / 1e9, clients.ready()});
                nextSample += SAMPLE_NANOS;
            }
            if (now >= nextProgress) {
                log.accept(String.format(Locale.ROOT, "[load] %s +%.0f s: %d clients logged in, %d dropped, %d of them back",
                        action, (now - start) / 1e9, clients.ready(), clients.drops().size(), back()));
                nextProgress += 5_000_000_000L;
            }
            Thread.sleep(20); // polling with a deadline
        }
        curve.add(new double[] {(System.nanoTime() - start) / 1e9, clients.ready()});
        List<Long> drops = clients.drops();
        List<Long> returns = clients.returns();
        int back = (int) returns.stream().filter(at -> at != 0).count();
        long lastBack = returns.stream().mapToLong(Long::longValue).max().orElse(0);
        long firstDrop = drops.stream().mapToLong(Long::longValue).min().orElse(start);
        double allBack = !drops.isEmpty() && back == drops.size() ? (lastBack - start) / 1e9 : Double.NaN;
        double loginRate = back == 0 || lastBack <= firstDrop ? 0 : back / ((lastBack - firstDrop) / 1e9);
        // The node comes back, as after a crash an operator (or an orchestrator) starts it again.
        faults.start(node);
        double rejoin;
        try {
            HealthWait.await(lab, REJOIN, line -> log.accept("[load] " + line));
            rejoin = (System.nanoTime() - start) / 1e9;
        } catch (LabException e) {
            rejoin = Double.NaN;
            log.accept("[load] " + node + " did not rejoin: " + e.getMessage());
        }
        history.recordFault(action, false);
        log.accept(String.format(Locale.ROOT, "[load] %s: %d of %d dropped clients back %s, at %.1f logins/s; %s back in the cluster %s",
                action, back, drops.size(), Double.isNaN(allBack) ? "(not all: none came back for " + BACK_STALL.toSeconds() + " s, or " + BACK_AT_MOST.toMinutes() + " minutes passed)" : String.format(Locale.ROOT, "%.1f s after", allBack),
                loginRate, node, Double.isNaN(rejoin) ? "never" : String.format(Locale.ROOT, "%.1f s after", rejoin)));
        return new Going(action, carried, drops.size(), back, allBack, loginRate, rejoin, tally, curve);
    }

    /** At least one client dropped, every dropped one is back, and no new drop came for a while. */
    private boolean allBack() {
        List<Long> drops = clients.drops();
        if (drops.isEmpty()) {
            return false;
        }
        long lastDrop = drops.stream().mapToLong(Long::longValue).max().orElse(0);
        return System.nanoTime() - lastDrop > DROPS_SETTLED.toNanos() && back() == drops.size();
    }

    private int back() {
        return (int) clients.returns().stream().filter(at -> at != 0).count();
    }
}
