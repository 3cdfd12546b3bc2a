package io.openfirecluster.workload.load;

import com.sun.management.OperatingSystemMXBean;
import io.openfirecluster.report.LoadReport;
import io.openfirecluster.report.LoadResult;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The capacity curve: the offered message rate steps up by the plan's factor, each step held for
 * the plan's step time, until a step's p99 time to deliver passes the limit, a message of the
 * step is still missing when it is judged ({@link #grace} after its last send: lost, or so late
 * that it counts as lost for the curve), this side cannot offer the rate, or the plan's steps are
 * done. Then, for the plan's refinements, a step halfway (geometrically) between the last rate
 * that held and the first that did not narrows the knee down, each after the nodes have worked
 * off what they owed. The knee is the highest rate within the limit below every rate that was
 * not. With Tsung beside, the curve goes on past its knee for as long as the nodes' own count
 * keeps up (and refines on that), so that both tools climb the same ladder and are judged by the
 * same meter.
 */
final class CapacityCurve {
    /** How long a refinement waits for the messages the nodes still owe from the step before, at most. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    /** Quiet that ends the catching up early: nothing arrived for this long. */
    private static final Duration CATCH_UP_QUIET = Duration.ofSeconds(10);

    /** Where a step stands once judged; the late ones are known only when the run has drained. */
    record Judged(double asked, double offered, LoadClients.Tally tally, long missing, double clientCpu,
                  Map<String, LabMeter.NodeReading> before, Map<String, LabMeter.NodeReading> after, double seconds,
                  Map<String, Long> serverBefore, Map<String, Long> serverAfter) {
    }

    /** The steps in the order they ran, why the curve stopped, what it could not do, and how many of the steps were the ladder's (the rest refined it). */
    record Outcome(List<Judged> steps, String stop, String shortfall, int ladder) {
        /** The steps by the rate asked, lowest first: the curve as the report draws it. */
        List<Judged> byRate() {
            return steps.stream().sorted(Comparator.comparingDouble(Judged::asked)).toList();
        }

        /** The rates asked that were not the ladder's: the refinements. */
        List<Double> refinements() {
            return steps.subList(ladder, steps.size()).stream().map(Judged::asked).toList();
        }
    }

    private final LoadPlan plan;
    private final LoadClients clients;
    private final LabMeter meter;
    private final Consumer<String> log;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    CapacityCurve(LoadPlan plan, LoadClients clients, LabMeter meter, Consumer<String> log) {
        this.plan = plan;
        this.clients = clients;
        this.meter = meter;
        this.log = log;
    }

    Outcome run() throws InterruptedException {
        List<Judged> steps = new ArrayList<>();
        Map<String, LabMeter.NodeReading> before = meter.read();
        Map<String, Long> serverBefore = meter.deliveredByNode();
        String stop = null;
        for (int i = 0; i < plan.steps() && stop == null; i++) {
            Judged step = step(steps.size() + 1, plan.rate(i), before, serverBefore);
            steps.add(step);
            LoadResult.LoadStep shown = LoadSteps.step(step, plan.limit());
            if (!goOn(shown)) {
                stop = why(step, shown);
            } else if (step.offered() < 0.9 * step.asked()) {
                return new Outcome(steps, "the clients could not offer more",
                        String.format(Locale.ROOT, "at step %d the clients offered %.0f of the %s msg/s asked: the knee is at least what this side could send, not the lab's limit",
                                i + 1, step.offered(), LoadPlan.format(step.asked())), steps.size());
            }
            before = step.after();
            serverBefore = step.serverAfter();
        }
        if (stop == null) {
            return new Outcome(steps, "every step within the limit (" + plan.steps() + " steps)",
                    "the lab held every step up to " + LoadPlan.format(plan.rate(plan.steps() - 1)) + " msg/s: no knee found; raise -Dlab.load.steps", steps.size());
        }
        int ladder = steps.size();
        if (ladder < 2 || plan.refine() == 0) {
            return new Outcome(steps, stop, "", ladder);
        }
        double held = steps.get(ladder - 2).asked();
        double failed = steps.get(ladder - 1).asked();
        for (int r = 0; r < plan.refine(); r++) {
            // What the nodes still owe from the step before would count against this one: let them work it off first.
            clients.drain(CATCH_UP_QUIET, System.nanoTime() + CATCH_UP.toNanos());
            double asked = between(held, failed);
            Judged step = step(steps.size() + 1, asked, meter.read(), meter.deliveredByNode());
            steps.add(step);
            LoadResult.LoadStep shown = LoadSteps.step(step, plan.limit());
            if (step.offered() < 0.9 * asked) {
                return new Outcome(steps, stop, String.format(Locale.ROOT, "refining, the clients offered %.0f of the %s msg/s asked: the knee lies between %s and %s msg/s",
                        step.offered(), LoadPlan.format(asked), LoadPlan.format(held), LoadPlan.format(failed)), ladder);
            }
            if (goOn(shown)) {
                held = asked;
            } else {
                failed = asked;
            }
        }
        return new Outcome(steps, String.format(Locale.ROOT, "%s; refined in %d steps: the knee lies between %s and %s msg/s", stop, plan.refine(),
                LoadPlan.format(held), LoadPlan.format(failed)), "", ladder);
    }

    /** Step NUMBER at ASKED msg/s, the nodes as read BEFORE it: sent, judged, logged. */
    private Judged step(int number, double asked, Map<String, LabMeter.NodeReading> before, Map<String, Long> serverBefore) throws InterruptedException {
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        LoadClients.Tally tally = clients.newTally();
        double sending = clients.send(asked, plan.step(), new AtomicLong());
        long judgeBy = System.nanoTime() + grace(plan).toNanos();
        // Read where Tsung's are read (at the barrier after a step's last send), so both tools'
        // steps count the same window: a step's stragglers count in the next step, for both.
        Map<String, Long> serverAfter = meter.deliveredByNode();
        clients.judge(tally, judgeBy);
        double seconds = (System.nanoTime() - start) / 1e9;
        double clientCpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        Map<String, LabMeter.NodeReading> after = meter.read();
        long missing = tally.sent.get() - tally.deliverNanos.size();
        Judged step = new Judged(asked, tally.sent.get() / sending, tally, missing, clientCpu, before, after, seconds, serverBefore, serverAfter);
        LoadResult.LoadStep shown = LoadSteps.step(step, plan.limit());
        log.accept(String.format(Locale.ROOT, "[load] step %d: asked %s msg/s, offered %.0f, delivered %d of %d (%d missing), deliver p50 %s p99 %s max %s; client CPU %.1f s; nodes: %s",
                number, LoadPlan.format(asked), step.offered(), tally.deliverNanos.size(), tally.sent.get(), missing,
                LoadReport.millis(shown.p50Millis()), LoadReport.millis(shown.p99Millis()), LoadReport.millis(shown.maxMillis()),
                clientCpu, LabMeter.describe(after, before)));
        return step;
    }

    /** Whether the curve climbs on from SHOWN: within the limit, or with Tsung beside, kept up by the nodes' count. */
    private boolean goOn(LoadResult.LoadStep shown) {
        return plan.tsung() ? shown.keptUp() : shown.withinLimit();
    }

    private String why(Judged step, LoadResult.LoadStep shown) {
        String asked = LoadPlan.format(step.asked());
        if (plan.tsung()) {
            return String.format(Locale.ROOT, "the nodes delivered %.0f of the %d messages sent at %s msg/s", shown.serverDelivered(), shown.sent(), asked);
        }
        return step.missing() > 0 ? step.missing() + " of " + step.tally().sent.get() + " messages missing at " + asked + " msg/s"
                : "p99 " + LoadReport.millis(shown.p99Millis()) + " over the limit of " + plan.limit().toMillis() + " ms at " + asked + " msg/s";
    }

    /** The rate a refinement tries between HELD and FAILED: their geometric mean, as the ladder is geometric. */
    static double between(double held, double failed) {
        return Math.sqrt(held * failed);
    }

    /**
     * The rates Tsung climbs after the lab's curve of OUTCOME: the ladder's as far as the lab's
     * went and one step more (if the plan has it), and the refinements, lowest first.
     */
    static List<Double> tsungLadder(LoadPlan plan, Outcome outcome) {
        TreeSet<Double> rates = new TreeSet<>(outcome.refinements());
        for (int i = 0; i < Math.min(outcome.ladder() + 1, plan.steps()); i++) {
            rates.add(plan.rate(i));
        }
        return List.copyOf(rates);
    }

    /** How long a step's messages may take after its last send before the missing ones stop the curve: the limit, at least 5 s. */
    static Duration grace(LoadPlan plan) {
        return plan.limit().compareTo(Duration.ofSeconds(5)) > 0 ? plan.limit() : Duration.ofSeconds(5);
    }

    /** The index of the last step within the limit before the first that is not, STEPS by rate; -1 when the first is not. */
    static int knee(List<LoadResult.LoadStep> steps) {
        int knee = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).withinLimit()) {
                break;
            }
            knee = i;
        }
        return knee;
    }
}
