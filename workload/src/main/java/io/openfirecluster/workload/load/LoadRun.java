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
            try (LoadClients clients = new LoadClients(plan.clients(), entries, plan.loginRate(), reconnect, history)) {
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
            curve.steps().forEach(step -> steps.add(LoadSteps.step(step, plan.limit())));
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
        if (plan.tsung() && curve != null && !steps.isEmpty()) {
            // The same ladder, one step past where the lab's curve ended (if the plan had one), so both meet their limit.
            List<Double> rates = new ArrayList<>();
            for (int i = 0; i < Math.min(steps.size() + 1, plan.steps()); i++) {
                rates.add(plan.rate(i));
            }
            tsung = TsungSideBySide.run(lab, plan, entries.get(0).domain(), reached, rates, tsungImage, log);
        }
        String stop = curve != null ? curve.stop() : reached < 2 ? "too few clients logged in" : "done";
        LoadResult result = new LoadResult(plan.profile().label(), start.toString(), plan.describe() + describeMessages(plan), jvm, plan.clients(), reached,
                plan.limit().toMillis(), steps, CapacityCurve.knee(steps), stop, String.join("; ", shortfalls), failovers, checker, tsung);
        LoadReport.Files files = LoadReport.write(result, reports, base);
        return new Outcome(result, files);
    }

    private static String describeMessages(LoadPlan plan) {
        return plan.profile() == LoadPlan.Profile.CURVE
                ? String.format(Locale.ROOT, "; messages from %s msg/s, x%s every %d s, up to %d steps; limit p99 %d ms", LoadPlan.format(plan.rate()),
                        LoadPlan.format(plan.factor()), plan.step().toSeconds(), plan.steps(), plan.limit().toMillis())
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
