package io.openfirecluster.workload.load;

import io.openfirecluster.report.LoadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A judged step of the curve as the report keeps it: percentiles of its times to deliver, its nodes' share. */
final class LoadSteps {
    private LoadSteps() {
    }

    /** STEP, judged against LIMIT; its late count as far as the run has seen them. */
    static LoadResult.LoadStep step(CapacityCurve.Judged step, Duration limit) {
        LoadClients.Tally tally = step.tally();
        long[] times = tally.deliverNanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(times);
        long sent = tally.sent.get();
        double p50 = percentile(times, sent, 50);
        double p99 = percentile(times, sent, 99);
        double max = times.length == 0 ? Double.NaN : times[times.length - 1] / 1e6;
        boolean within = step.missing() == 0 && sent > 0 && p99 <= limit.toNanos() / 1e6;
        return new LoadResult.LoadStep(step.asked(), step.offered(), sent, times.length, step.missing(), tally.late.get(),
                p50, p99, max, serverDelivered(step), step.clientCpu(), nodes(step), within);
    }

    /**
     * The P-th percentile in milliseconds of SENT messages' times, TIMES being those that arrived
     * (sorted): one that did not arrive is slower than any, so a percentile that falls among them is infinite.
     */
    static double percentile(long[] times, long sent, int p) {
        if (sent == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p / 100.0 * sent); // nearest rank, 1-based
        return rank > times.length ? Double.POSITIVE_INFINITY : times[(int) Math.max(0, rank - 1)] / 1e6;
    }

    private static double serverDelivered(CapacityCurve.Judged step) {
        if (step.serverBefore().isEmpty() || step.serverAfter().isEmpty()) {
            return -1;
        }
        long delivered = 0;
        for (Map.Entry<String, Long> after : step.serverAfter().entrySet()) {
            Long before = step.serverBefore().get(after.getKey());
            if (before == null || before < 0 || after.getValue() < 0) {
                return -1;
            }
            delivered += after.getValue() - before;
        }
        return delivered;
    }

    private static List<LoadResult.NodeLoad> nodes(CapacityCurve.Judged step) {
        List<LoadResult.NodeLoad> nodes = new ArrayList<>();
        step.after().forEach((node, after) -> {
            LabMeter.NodeReading before = step.before().get(node);
            double cores = before == null || before.cpuNanos() < 0 || after.cpuNanos() < 0 ? Double.NaN
                    : (after.cpuNanos() - before.cpuNanos()) / 1e9 / step.seconds();
            nodes.add(new LoadResult.NodeLoad(node, after.sessions(), after.memoryBytes(), cores));
        });
        return nodes;
    }
}
