package io.openfirecluster.tsung;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Runs a {@link TsungPlan} against the running lab: renders tsung.xml, starts the Tsung image on
 * the lab network, reads the nodes' chat counters and Tsung's CPU at each barrier of the run (all
 * users logged in; each step sent; drained), waits for Tsung to end within a deadline the plan gives, and
 * removes the container whatever happens.
 */
public final class TsungRun {
    /** How often the run looks at what Tsung has done. */
    private static final Duration POLL = Duration.ofMillis(250);
    /** Every how many polls the run asks whether Tsung has ended (the barriers are what it must not miss). */
    private static final int END_EVERY = 8;
    /** Time beyond the plan's own for Tsung's start, slow logins and its end. */
    private static final Duration GRACE = Duration.ofSeconds(90);

    private final LabNetwork lab;
    private final String image;
    private final Consumer<String> log;

    /** A run on LAB with the Tsung IMAGE (the root pom's tsung.image), telling LOG what it does. */
    public TsungRun(LabNetwork lab, String image, Consumer<String> log) {
        this.lab = lab;
        this.image = image;
        this.log = log;
    }

    /** Runs PLAN to its end; fails (LabException) if Tsung does not get through every step within the plan's deadline. */
    public TsungResult run(TsungPlan plan) {
        Entry entry = entry(plan.entry());
        String xml = TsungXml.render(plan, entry.name(), entry.port());
        Duration limit = deadline(plan);
        ServerMeter meter = new ServerMeter(lab);
        ServerMeter.Reading start = meter.read();
        try (TsungContainer tsung = TsungContainer.start(lab, image, xml)) {
            log.accept("tsung: " + tsung.name() + " started: " + plan.users() + " users at " + plan.loginRate() + "/s through " + entry.name()
                    + ", steps " + plan.steps() + " msg/s of " + plan.step().toSeconds() + " s; deadline " + limit.toSeconds() + " s");
            Instant deadline = Instant.now().plus(limit);
            int barriers = plan.steps().size() + 2;
            List<ServerMeter.Reading> readings = new ArrayList<>();
            Map<Integer, Double> cpu = new HashMap<>();
            OptionalInt exit = OptionalInt.empty();
            for (int poll = 0; exit.isEmpty(); poll++) {
                if (Instant.now().isAfter(deadline)) {
                    throw new LabException("Tsung did not finish within " + limit.toSeconds() + " s (" + readings.size() + " of " + barriers
                            + " barriers passed): " + tsung.tail());
                }
                OptionalInt passed = tsung.barrier();
                if (passed.isPresent() && passed.getAsInt() >= readings.size() && readings.size() < barriers) {
                    // Read at once: the quiet time after the barrier covers a docker exec slowed by a busy machine.
                    int barrier = readings.size();
                    readings.add(meter.read());
                    cpu.put(barrier, tsung.cpuSeconds().orElse(Double.NaN));
                    log.accept("tsung: " + (barrier == 0 ? "users logged in" : barrier < barriers - 1 ? "step " + barrier + " sent" : "drained")
                            + ", server " + readings.get(barrier).sum());
                    continue;
                }
                if (poll % END_EVERY == END_EVERY - 1) {
                    if (!tsung.running()) {
                        throw new LabException("the Tsung container stopped before Tsung ended: " + tsung.tail());
                    }
                    exit = tsung.exitCode();
                }
                if (exit.isEmpty()) {
                    pause(POLL);
                }
            }
            double cpuTotal = tsung.cpuSeconds().orElse(Double.NaN);
            TsungStats stats = tsung.stats();
            Map<Integer, Long> users = BarrierCounts.parse(tsung.barrierCounts());
            if (readings.size() < barriers) {
                throw new LabException("Tsung ended (exit " + exit.getAsInt() + ") after " + readings.size() + " of " + barriers
                        + " barriers; its errors " + stats.errors() + ": " + tsung.tail());
            }
            return result(plan, start, readings, cpu, cpuTotal, stats, users, exit.getAsInt());
        }
    }

    private static TsungResult result(TsungPlan plan, ServerMeter.Reading start, List<ServerMeter.Reading> readings, Map<Integer, Double> cpu,
                                      double cpuTotal, TsungStats stats, Map<Integer, Long> users, int exit) {
        List<TsungResult.Step> steps = new ArrayList<>();
        for (int k = 0; k < plan.steps().size(); k++) {
            ServerMeter.Reading before = readings.get(k);
            ServerMeter.Reading after = readings.get(k + 1);
            var counted = after.sum().since(before.sum());
            List<String> silent = new ArrayList<>(before.silent());
            after.silent().stream().filter(node -> !silent.contains(node)).forEach(silent::add);
            steps.add(new TsungResult.Step(plan.steps().get(k), plan.messages(k), stats.transactions("step" + (k + 1)),
                    counted.chatIn(), counted.chatOut(), seconds(before.at(), after.at()), users.getOrDefault(k + 1, 0L),
                    cpu.get(k + 1) - cpu.get(k), silent));
        }
        int last = plan.steps().size();
        long late = readings.get(last + 1).sum().since(readings.get(last).sum()).chatOut();
        return new TsungResult(plan, stats.counter("users_count"), stats.transactions("login"), users.getOrDefault(0, 0L), seconds(start.at(), readings.get(0).at()), cpu.get(0),
                steps, late, stats.errors(), cpuTotal, exit);
    }

    /** The service ENTRY names, if clients may enter there (lb or a node), and the port it takes them on inside the lab. */
    private Entry entry(String name) {
        LabService service = lab.topology().service(name);
        int port = service.c2sPort().orElseThrow(
                () -> new IllegalArgumentException("entry: '" + name + "' takes no clients: use lb or one of " + lab.topology().nodeNames()));
        return new Entry(service.getName(), port);
    }

    private record Entry(String name, int port) {
    }

    /** The logins at their rate, each step with its offset and quiet time, every barrier's timeout once, and {@link #GRACE}. */
    static Duration deadline(TsungPlan plan) {
        double seconds = plan.loginSeconds() + TsungXml.QUIET_SECONDS;
        for (int k = 0; k < plan.steps().size(); k++) {
            seconds += plan.step().toMillis() / 1000.0 + 2 + Math.ceil(plan.interval(k)) + TsungXml.QUIET_SECONDS;
        }
        seconds += plan.drain().toMillis() / 1000.0 + TsungXml.QUIET_SECONDS;
        seconds += (plan.steps().size() + 2) * TsungXml.BARRIER_TIMEOUT_SECONDS;
        return Duration.ofMillis((long) (seconds * 1000)).plus(GRACE);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while Tsung ran", e);
        }
    }
}
