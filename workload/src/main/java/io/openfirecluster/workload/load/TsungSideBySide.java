package io.openfirecluster.workload.load;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.report.LoadResult;
import io.openfirecluster.tsung.TsungPlan;
import io.openfirecluster.tsung.TsungResult;
import io.openfirecluster.tsung.TsungRun;
import io.openfirecluster.workload.LabClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Tsung against the same lab right after the lab's own curve: the same users, login rate, entry
 * point and message rates, from the lab's Tsung image. Tsung measures no time to deliver, so both
 * tools are judged by one meter, the nodes' own chat counters (the lab plugin): a step kept up
 * when the nodes delivered at least {@link LoadResult#KEPT_UP} of what the tool sent in it. Each tool's
 * client CPU is its own: Tsung's container's, the lab's JVM's.
 */
final class TsungSideBySide {
    /** Tsung's body: about the length of the lab's messages (their id is their body). */
    static final int BODY_BYTES = 32;
    /** Online after the last step: what arrives then counts in no step, so a short wait is enough to see the stragglers. */
    private static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(3);

    private TsungSideBySide() {
    }

    /**
     * Of RATES (lowest first), those that give USERS a different whole number of messages each in
     * STEP: Tsung's users send whole messages, so two rates that round alike would be one step twice.
     */
    static List<Double> wholeMessages(List<Double> rates, int users, java.time.Duration step) {
        List<Double> kept = new ArrayList<>();
        long last = -1;
        for (double rate : rates) {
            long each = TsungPlan.messagesPerUser(rate, step, users);
            if (each != last) {
                kept.add(rate);
                last = each;
            }
        }
        return kept;
    }

    /** Tsung's run of LADDER (the accounts of DOMAIN the lab's clients used), each for the plan's step, as steps of the report (no time to deliver: Tsung has none). */
    /** Tsung's steps, as the report keeps them, and the users it logged in and took through them. */
    record Side(List<LoadResult.LoadStep> steps, long users) {
    }

    static Side run(LabNetwork lab, LoadPlan plan, String domain, int users, List<Double> ladder, String image, Consumer<String> log) {
        List<Double> rates = wholeMessages(ladder, users, plan.step());
        TsungPlan tsung = new TsungPlan(users, plan.loginRate(), plan.entries().get(0), rates, plan.step(), BODY_BYTES, DRAIN,
                domain, LoadPlan.USER_PREFIX, LabClients.PASSWORD);
        log.accept("[load] tsung: the same plan with Tsung: " + users + " users at " + LoadPlan.format(plan.loginRate()) + " logins/s through "
                + plan.entries().get(0) + ", steps " + rates + " msg/s");
        TsungResult result = new TsungRun(lab, image, line -> log.accept("[load] " + line)).run(tsung);
        List<LoadResult.LoadStep> steps = new ArrayList<>();
        for (TsungResult.Step step : result.steps()) {
            boolean keptUp = step.sent() > 0 && step.delivered() >= LoadResult.KEPT_UP * step.sent();
            // What Tsung offered is what it sent in the time it took: on a busy machine its users fall
            // behind their pace (a step of 30 s took up to 60 here), so the rate asked is not the rate the nodes got.
            double sending = Math.max(plan.step().toNanos() / 1e9, step.sendingSeconds());
            steps.add(new LoadResult.LoadStep(step.rate(), step.sent() / sending, step.sent(), step.delivered(),
                    Math.max(0, step.sent() - step.delivered()), 0, Double.NaN, Double.NaN, Double.NaN, step.delivered(),
                    step.cpuSeconds(), List.of(), keptUp));
            log.accept(String.format(Locale.ROOT, "[load] tsung step: %s", step));
        }
        if (result.loggedIn() < users) {
            log.accept("[load] tsung logged in " + result.loggedIn() + " of " + users + " users; errors " + result.errors());
        }
        return new Side(steps, result.loggedIn());
    }
}
