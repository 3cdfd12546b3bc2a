package io.openfirecluster.workload.load;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.ConsistencyChecker;
import io.openfirecluster.checker.HistoryJson;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.HealthWait;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.NodeJvm;
import io.openfirecluster.report.LoadReport;
import io.openfirecluster.report.LoadResult;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.workload.Endpoint;
import io.openfirecluster.workload.HistoryRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One {@code lab:load} run against the running lab: the plan's clients log in, the profile runs
 * (the capacity curve, or a failover under load), the messages drain, the recorded history is
 * checked, and the report is written: {@code load-PROFILE.json} and {@code .md} in the reports
 * directory, and the load section of its {@code index.html}. The lab is healthy before it starts
 * and whole again after (a failover starts its node again).
 */
public final class LoadRun {
    private static final Duration LOGIN_GRACE = Duration.ofSeconds(60);
    private static final Duration DRAIN_QUIET = Duration.ofSeconds(5);
    private static final Duration DRAIN_MOST = Duration.ofSeconds(60);
    private static final Duration HEALTHY = Duration.ofSeconds(240);
    private static final Duration SESSIONS_STILL = Duration.ofSeconds(30);
    private static final Duration SESSIONS_MOST = Duration.ofMinutes(5);

    /** What the run wrote and found. */
    public record Outcome(LoadResult result, LoadReport.Files files) {
    }

    private LoadRun() {
    }

    /** Runs PLAN on LAB (whose resolved topology is TOPOLOGY), writing into REPORTS, telling LOG its progress lines. */
    public static Outcome run(LabNetwork lab, ResolvedTopology topology, LoadPlan plan, Path reports, Consumer<String> log)
            throws IOException, InterruptedException {
        return run(lab, topology, plan, "", reports, log);
    }

    /** The same, and when the plan asks for Tsung beside, Tsung from TSUNG_IMAGE after the lab's curve. */
    public static Outcome run(LabNetwork lab, ResolvedTopology topology, LoadPlan plan, String tsungImage, Path reports, Consumer<String> log)
            throws IOException, InterruptedException {
        List<Endpoint> entries = ClientsBenchmark.entries("lab.load.entries", plan.entries(), topology, plan.via());
        Endpoint reconnect = topology.hasService("lb") ? ClientsBenchmark.entries("lab.load.entries", List.of("lb"), topology, plan.via()).get(0) : null;
        HealthWait.await(lab, HEALTHY, line -> log.accept("[load] " + line));
        LabMeter meter = new LabMeter(lab, topology);
        String jvm = nodesJvm(lab, topology);
        log.accept("[load] plan: " + plan.profile().label() + ", " + plan.describe() + "; nodes: " + jvm);
        Files.createDirectories(reports);
        String base = "load-" + plan.profile().label();
        Path historyFile = reports.resolve(base + "-history.json");
        Instant start = Instant.now();
        CapacityCurve.Outcome curve = null;
        List<Failovers.Going> goings = List.of();
        int reached;
        List<String> shortfalls = new ArrayList<>();
        try (HistoryRecorder history = HistoryRecorder.streamingTo(historyFile)) {
            int firstAccount = plan.first();
            if (firstAccount > 1) {
                log.accept("[load] the lab's clients log in as " + LoadPlan.USER_PREFIX + firstAccount + ".." + LoadPlan.USER_PREFIX + (firstAccount + plan.clients() - 1)
                        + (plan.tsung() ? ", Tsung's users as " + LoadPlan.USER_PREFIX + "1.." + LoadPlan.USER_PREFIX + plan.clients() : ""));
            }
            try (LoadClients clients = new LoadClients(plan.clients(), firstAccount, entries, plan.loginRate(), reconnect, history)) {
                long loginStart = System.nanoTime();
                clients.logInAll(loginStart + plan.loginTime().toNanos() + LOGIN_GRACE.toNanos(), line -> log.accept("[load] " + line));
                reached = clients.everReady();
                log.accept(String.format(Locale.ROOT, "[load] logged in %d of %d clients in %.1f s (%.1f logins/s, asked %s)%s",
                        reached, plan.clients(), (System.nanoTime() - loginStart) / 1e9, reached / ((System.nanoTime() - loginStart) / 1e9),
                        LoadPlan.format(plan.loginRate()), clients.loginFailures().isEmpty() ? "" : "; failed: " + clients.loginFailures()));
                if (reached < plan.clients()) {
                    shortfalls.add(reached + " of " + plan.clients() + " clients logged in (" + (plan.clients() - reached) + " did not: "
                            + (clients.loginFailures().isEmpty() ? "not within the paced time plus " + LOGIN_GRACE.toSeconds() + " s" : clients.loginFailures()) + ")");
                }
                if (reached >= 2) {
                    if (plan.profile() == LoadPlan.Profile.CURVE) {
                        curve = new CapacityCurve(plan, clients, meter, log).run();
                        if (!curve.shortfall().isEmpty()) {
                            shortfalls.add(curve.shortfall());
                        }
                    } else {
                        goings = new Failovers(plan, lab, topology, clients, meter, history, log).run();
                    }
                }
                clients.drain(DRAIN_QUIET, System.nanoTime() + DRAIN_MOST.toNanos());
            }
        }
        List<LoadResult.LoadStep> steps = new ArrayList<>();
        if (curve != null) {
            // By rate, as the curve is drawn and its knee found: the refinements ran after the ladder.
            curve.byRate().forEach(step -> steps.add(LoadSteps.step(step, plan.limit())));
        }
        List<LoadResult.Failover> failovers = new ArrayList<>();
        for (Failovers.Going going : goings) {
            LoadClients.Tally tally = going.tally();
            long delivered = tally.deliverNanos.size() + tally.late.get();
            failovers.add(new LoadResult.Failover(going.action(), going.carried(), going.dropped(), going.back(), going.allBackSeconds(),
                    going.loginRate(), going.rejoinSeconds(), tally.sent.get(), tally.sent.get() - delivered - tally.bounced.get(),
                    tally.late.get(), going.curve()));
        }
        String checker = check(historyFile, base, log);
        List<LoadResult.LoadStep> tsung = List.of();
        long tsungUsers = 0;
        if (plan.tsung() && curve != null && !steps.isEmpty()) {
            sessionsGone(meter, log);
            // The same ladder, one step past where the lab's curve ended (if the plan had one), so both meet their limit.
            TsungSideBySide.Side side = TsungSideBySide.run(lab, plan, entries.get(0).domain(), reached, CapacityCurve.tsungLadder(plan, curve), tsungImage, log);
            tsung = side.steps();
            tsungUsers = side.users();
            if (tsungUsers < reached) {
                shortfalls.add("Tsung logged in " + tsungUsers + " of its " + reached + " users: its figures are of fewer users than the lab's");
            }
        }
        String stop = curve != null ? curve.stop() : reached < 2 ? "too few clients logged in" : "done";
        LoadResult result = new LoadResult(plan.profile().label(), start.toString(), plan.describe() + describeMessages(plan), jvm, plan.clients(), reached,
                plan.limit().toMillis(), steps, CapacityCurve.knee(steps), stop, String.join("; ", shortfalls), failovers, checker, tsung, tsungUsers);
        LoadReport.Files files = LoadReport.write(result, reports, base);
        return new Outcome(result, files);
    }

    /**
     * Waits until the nodes no longer count the lab's closed sessions, or their count stopped
     * falling for {@link #SESSIONS_STILL}, or {@link #SESSIONS_MOST}; logs how many were left. Tsung
     * logs the same accounts in: right after the lab's 5,000 had closed, Openfire refused 3,854 of
     * Tsung's 5,000 binds with 'conflict' (its bind executor saturated, docs/findings.md), so the
     * second tool measured a server still busy with the first.
     */
    private static void sessionsGone(LabMeter meter, Consumer<String> log) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + SESSIONS_MOST.toNanos();
        int least = meter.sessions();
        long fellAt = start;
        int left = least;
        while (left > 0 && System.nanoTime() < deadline && System.nanoTime() - fellAt < SESSIONS_STILL.toNanos()) {
            Thread.sleep(2000); // polling with a deadline: Openfire drops a closed session when it gets to it
            left = meter.sessions();
            if (left < least) {
                least = left;
                fellAt = System.nanoTime();
            }
        }
        log.accept(String.format(Locale.ROOT, "[load] tsung: the nodes count %d client sessions %.0f s after the lab's clients closed%s", left,
                (System.nanoTime() - start) / 1e9, left > 0 ? " (no longer falling, or the wait's end): Tsung starts beside them" : ""));
    }

    private static String describeMessages(LoadPlan plan) {
        return plan.profile() == LoadPlan.Profile.CURVE
                ? String.format(Locale.ROOT, "; messages from %s msg/s, x%s every %d s, up to %d steps, then up to %d between; limit p99 %d ms",
                        LoadPlan.format(plan.rate()), LoadPlan.format(plan.factor()), plan.step().toSeconds(), plan.steps(), plan.refine(), plan.limit().toMillis())
                : String.format(Locale.ROOT, "; messages at %s msg/s; %s", LoadPlan.format(plan.rate()),
                        plan.profile() == LoadPlan.Profile.CRASH ? "crash " + plan.node() : "every node restarted in turn");
    }

    /** The checker over the streamed history, read back one event at a time: its summary line, its speed logged. */
    private static String check(Path historyFile, String scenario, Consumer<String> log) throws IOException {
        try (HistoryJson.Events events = HistoryJson.events(historyFile)) {
            CheckResult result = new ConsistencyChecker(speed -> log.accept("[load] " + speed.line())).check(scenario, events.start(), events);
            return result.summaryLine().replaceFirst("^\\[report\\] consistency ", "");
        }
    }

    /** "Java 25, AOT cache mapped (3 of 3 node(s)); heap -Xms64m -Xmx512m; tuning -XX:TieredStopAtLevel=1 ...", as the nodes run. */
    static String nodesJvm(LabNetwork lab, ResolvedTopology topology) {
        List<NodeJvm> jvms = new ArrayList<>();
        topology.nodes().forEach(node -> jvms.add(NodeJvm.of(lab, topology.topology().service(node))));
        Containers.ExecResult env = lab.containers().exec(topology.container(topology.nodes().get(0)), Duration.ofSeconds(10),
                "sh", "-c", "echo \"$JAVA_HEAP|$JVM_TUNING\"");
        String[] parts = env.output().strip().split("\\|", 2);
        String heap = parts[0].isBlank() ? "the JVM's default" : parts[0].strip();
        String tuning = parts.length < 2 || parts[1].isBlank() ? "none (stock JVM)" : parts[1].strip();
        return NodeJvm.summary(jvms) + "; heap " + heap + "; tuning " + tuning;
    }
}
