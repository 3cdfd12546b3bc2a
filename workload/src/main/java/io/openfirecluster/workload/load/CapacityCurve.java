package io.openfirecluster.workload.load;

import com.sun.management.OperatingSystemMXBean;
import io.openfirecluster.report.LoadReport;
import io.openfirecluster.report.LoadResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The capacity curve: the offered message rate steps up by the plan's factor, each step held for
 * the plan's step time, until a step's p99 time to deliver passes the limit, a message of the
 * step is still missing when it is judged ({@link #grace} after its last send: lost, or so late
 * that it counts as lost for the curve), this side cannot offer the rate, or the plan's steps are
 * done. The knee is the last step within the limit. With Tsung beside, the curve goes on past its
 * knee for as long as the nodes' own count keeps up, so that both tools climb the same ladder
 * and are judged by the same meter.
 */
final class CapacityCurve {
    /** Where a step stands once judged; the late ones are known only when the run has drained. */
    record Judged(double asked, double offered, LoadClients.Tally tally, long missing, double clientCpu,
                  Map<String, LabMeter.NodeReading> before, Map<String, LabMeter.NodeReading> after, double seconds,
                  Map<String, Long> serverBefore, Map<String, Long> serverAfter) {
    }

    record Outcome(List<Judged> steps, String stop, String shortfall) {
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
        for (int i = 0; i < plan.steps(); i++) {
            double asked = plan.rate(i);
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
            Judged step = new Judged(asked, tally.sent.get() / sending, tally, missing, clientCpu, before, after, seconds,
                    serverBefore, serverAfter);
            steps.add(step);
            LoadResult.LoadStep shown = LoadSteps.step(step, plan.limit());
            log.accept(String.format(Locale.ROOT, "[load] step %d: asked %s msg/s, offered %.0f, delivered %d of %d (%d missing), deliver p50 %s p99 %s max %s; client CPU %.1f s; nodes: %s",
                    i + 1, LoadPlan.format(asked), step.offered(), tally.deliverNanos.size(), tally.sent.get(), missing,
                    LoadReport.millis(shown.p50Millis()), LoadReport.millis(shown.p99Millis()), LoadReport.millis(shown.maxMillis()),
                    clientCpu, LabMeter.describe(after, before)));
            boolean goOn = plan.tsung() ? shown.keptUp() : shown.withinLimit();
            if (!goOn) {
                if (plan.tsung()) {
                    return new Outcome(steps, String.format(Locale.ROOT, "the nodes delivered %.0f of the %d messages sent at %s msg/s",
                            shown.serverDelivered(), shown.sent(), LoadPlan.format(asked)), "");
                }
                return new Outcome(steps, missing > 0 ? missing + " of " + tally.sent.get() + " messages missing at " + LoadPlan.format(asked) + " msg/s"
                        : "p99 " + LoadReport.millis(shown.p99Millis()) + " over the limit of " + plan.limit().toMillis() + " ms at " + LoadPlan.format(asked) + " msg/s", "");
            }
            if (step.offered() < 0.9 * asked) {
                return new Outcome(steps, "the clients could not offer more",
                        String.format(Locale.ROOT, "at step %d the clients offered %.0f of the %s msg/s asked: the knee is at least what this side could send, not the lab's limit",
                                i + 1, step.offered(), LoadPlan.format(asked)));
            }
            before = after;
            serverBefore = serverAfter;
        }
        return new Outcome(steps, "every step within the limit (" + plan.steps() + " steps)",
                "the lab held every step up to " + LoadPlan.format(plan.rate(plan.steps() - 1)) + " msg/s: no knee found; raise -Dlab.load.steps");
    }

    /** How long a step's messages may take after its last send before the missing ones stop the curve: the limit, at least 5 s. */
    static java.time.Duration grace(LoadPlan plan) {
        return plan.limit().compareTo(java.time.Duration.ofSeconds(5)) > 0 ? plan.limit() : java.time.Duration.ofSeconds(5);
    }

    /** The index of the last step within the limit before the first that is not; -1 when the first is not. */
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
