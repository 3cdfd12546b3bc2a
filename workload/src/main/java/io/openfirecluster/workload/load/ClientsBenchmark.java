package io.openfirecluster.workload.load;

import com.sun.management.OperatingSystemMXBean;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.Wait;
import io.openfirecluster.control.WaitTimeoutException;
import io.openfirecluster.topology.LabCertificates;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.workload.ClientLog;
import io.openfirecluster.workload.Endpoint;
import io.openfirecluster.workload.LabClients;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clients benchmark (not a test: it asserts nothing, it prints): against the running lab,
 * each client kind in turn (Smack as the workload uses it, the lean client) logs in clients up to
 * each count of the plan at the plan's login rate, spread round robin over the entry points, and
 * prints one {@code [load]} line per count: clients reached, logins a second achieved, p50/p99
 * login time, this JVM's heap (after a GC), threads and CPU seconds, and each node's sessions (as
 * Openfire counts them), memory and CPU seconds for the step. A kind stops at the first count it
 * does not reach. With the lean clients still connected, pairs of them then exchange messages at
 * the plan's rate for its time: sent, delivered, lost, p50/p99 time to deliver.
 *
 * <p>Run it with {@code ./mvnw -o -pl workload verify -Pclients} (properties clients.*, see
 * {@link ClientsPlan} and docs/load.md). Bad input stops it in one line before anything connects.
 */
public final class ClientsBenchmark {
    private static final Duration SESSIONS_GONE = Duration.ofSeconds(120);
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private final ClientsPlan plan;
    private final List<Endpoint> entries;
    private final LabMeter meter;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ClientsBenchmark(ClientsPlan plan, List<Endpoint> entries, LabMeter meter) {
        this.plan = plan;
        this.entries = entries;
        this.meter = meter;
    }

    public static void main(String[] args) throws Exception {
        ClientsPlan plan;
        ResolvedTopology topology;
        List<Endpoint> entries;
        try {
            plan = ClientsPlan.from(System.getProperties());
            topology = topology(plan.topology());
            entries = entries("clients.entries", plan.entries(), topology);
        } catch (IllegalArgumentException e) {
            System.err.println("[load] " + e.getMessage());
            System.exit(2);
            return;
        }
        LabClients.trustLabCa(plan.topology().toAbsolutePath().resolveSibling(LabCertificates.CA_PEM));
        Path reports = plan.topology().toAbsolutePath().getParent().resolveSibling("load-reports");
        System.out.println("[load] Smack logs to " + ClientLog.toFile(reports));
        try (LabNetwork lab = LabNetwork.connect(topology.topology(), message -> { })) {
            new ClientsBenchmark(plan, entries, new LabMeter(lab, topology)).run();
        }
        // Smack's and docker-java's threads would keep the JVM; everything was closed above.
        System.exit(0);
    }

    private void run() throws InterruptedException {
        System.out.printf(Locale.ROOT, "[load] plan: kinds %s, counts %s, login rates %s/s, entry points %s, message phase %.0f/s for %d s; client JVM: %d cores, max heap %d MiB, %d threads before any client%n",
                plan.kinds(), plan.counts(), plan.loginRates(), entries, plan.sendRate(), plan.sendSeconds(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, threads());
        int unrelated = meter.sessions(); // sessions someone else has open: not ours to wait for
        for (String kind : plan.kinds()) {
            awaitSessionsBackTo(unrelated);
            try (ClientKind clients = kind.equals("lean") ? new LeanKind() : new SmackKind()) {
                int reached = logInSteps(clients);
                if (clients instanceof LeanKind lean && reached > 1 && plan.sendRate() > 0) {
                    exchange(lean, reached);
                }
                System.out.printf(Locale.ROOT, "[load] %s: closing %d clients%n", kind, reached);
            }
        }
        awaitSessionsBackTo(unrelated);
    }

    /** Logs in up to each count in turn; the clients reached when the kind stopped. */
    private int logInSteps(ClientKind clients) throws InterruptedException {
        int current = 0;
        for (int step = 0; step < plan.counts().size(); step++) {
            int target = plan.counts().get(step);
            double rate = plan.loginRates().get(step);
            List<ClientKind.Login> logins = new ArrayList<>();
            for (int i = current + 1; i <= target; i++) {
                logins.add(new ClientKind.Login(i, plan.userPrefix() + i, clients.name() + "-" + i, entries.get((i - 1) % entries.size())));
            }
            Map<String, LabMeter.NodeReading> before = meter.read();
            long cpuBefore = os.getProcessCpuTime();
            LoginBatch batch = clients.logIn(logins, rate, Duration.ofSeconds(plan.loginGraceSeconds()));
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            long heap = heapAfterGc();
            int threads = threads();
            Map<String, LabMeter.NodeReading> after = meter.read();
            current += batch.loggedIn();
            System.out.printf(Locale.ROOT, "[load] %s %d clients: %d of %d more logged in (%d failed, %d unfinished, %d dropped so far) in %.1f s, %.1f logins/s (asked %.0f/s), login p50 %.0f ms p99 %.0f ms; client JVM heap %d MiB, %d threads, CPU %.1f s; nodes: %s%n",
                    clients.name(), current, batch.loggedIn(), batch.size(), batch.failed(), batch.unfinished(), clients.dropped(),
                    batch.seconds(), batch.loggedIn() / Math.max(batch.seconds(), 1e-9), rate,
                    Percentiles.millis(batch.loginNanos(), 50), Percentiles.millis(batch.loginNanos(), 99),
                    heap >> 20, threads, cpu, LabMeter.describe(after, before));
            batch.failures().forEach((reason, count) -> System.out.printf("[load] %s failure x%d: %s%n", clients.name(), count, reason));
            if (batch.loggedIn() < batch.size()) {
                System.out.printf("[load] %s stops at %d clients: not every login of the step succeeded in time%n", clients.name(), current);
                break;
            }
        }
        return current;
    }

    private void exchange(LeanKind lean, int clients) throws InterruptedException {
        Map<String, LabMeter.NodeReading> before = meter.read();
        long cpuBefore = os.getProcessCpuTime();
        LeanKind.MessagePhase.Result result = lean.exchangeMessages(plan.sendRate(), plan.sendSeconds(), DRAIN);
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        Map<String, LabMeter.NodeReading> after = meter.read();
        System.out.printf(Locale.ROOT, "[load] lean messages among %d clients (%d pairs): %d sent in %.1f s (%.0f/s, asked %.0f/s), %d delivered, %d lost, %d bounced, %d duplicated; deliver p50 %.1f ms p99 %.1f ms; client CPU %.1f s; nodes: %s%n",
                clients, clients / 2, result.sent(), result.sendSeconds(), result.sent() / Math.max(result.sendSeconds(), 1e-9), plan.sendRate(),
                result.delivered(), result.lost(), result.bounced(), result.duplicated(),
                Percentiles.millis(result.deliverNanos(), 50), Percentiles.millis(result.deliverNanos(), 99), cpu,
                LabMeter.describe(after, before));
    }

    /**
     * After a kind closed its clients: waits (polling, with a deadline) until the nodes count no
     * more sessions than SESSIONS. Openfire has kept thousands of closed sessions for minutes here,
     * so a timeout is a finding to print, not a reason to stop: the next kind starts anyway.
     */
    private void awaitSessionsBackTo(int sessions) {
        long start = System.nanoTime();
        try {
            Wait.until("the nodes' client sessions back to " + sessions, SESSIONS_GONE, () -> {
                int now = meter.sessions();
                return now >= 0 && now <= sessions;
            });
        } catch (WaitTimeoutException e) {
            System.out.printf(Locale.ROOT, "[load] the nodes still count sessions %.0f s after the clients closed: %s (before the run: %d)%n",
                    (System.nanoTime() - start) / 1e9, LabMeter.describe(meter.read(), Map.of()), sessions);
        }
    }

    private static long heapAfterGc() {
        System.gc(); // the live heap, not what the collector has yet to reclaim
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static ResolvedTopology topology(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no running lab's topology at " + file + ": start the lab (./mvnw install -DskipITs -Dplay) or give -Dlab.topology=");
        }
        return ResolvedTopology.load(file);
    }

    /** The named entry points at the host ports the lab publishes them on. */
    static List<Endpoint> entries(String property, List<String> names, ResolvedTopology topology) {
        return entries(property, names, topology, LoadPlan.Via.PORTS);
    }

    /** The c2s endpoints of NAMES: their published ports on the machine, or VIA the lab network their own addresses and ports. */
    static List<Endpoint> entries(String property, List<String> names, ResolvedTopology topology, LoadPlan.Via via) {
        List<Endpoint> entries = new ArrayList<>();
        for (String name : names) {
            if (!topology.hasService(name) || !(name.equals("lb") || topology.nodes().contains(name))) {
                throw new IllegalArgumentException(property + ": '" + name + "' is not an entry point of this lab: use lb or one of " + topology.nodes());
            }
            int containerPort = topology.c2sPort(name);
            String domain = topology.domain(name).isEmpty() ? LabClients.DOMAIN : topology.domain(name);
            entries.add(via == LoadPlan.Via.NETWORK ? new Endpoint(name, topology.ipv4(name), containerPort, domain)
                    : new Endpoint(name, topology.bind(name), topology.hostPort(name, containerPort), domain));
        }
        return entries;
    }
}
