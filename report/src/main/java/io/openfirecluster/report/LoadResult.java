package io.openfirecluster.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code lab:load} run measured, as the report shows it and {@code load-PROFILE.json}
 * keeps it: the plan in words, the nodes' JVM, the clients planned and reached, the steps of the
 * curve (with the knee: the last step within the limit), the failovers, the checker's verdict on
 * the recorded history and, when it ran beside, Tsung's steps on the same lab.
 *
 * @param profile   curve, crash or rolling
 * @param plan      the plan in one line
 * @param nodesJvm  the nodes' Java, JVM tuning and heap, as the nodes ran them
 * @param limitMillis the p99 time to deliver a step may take and count as within the limit
 * @param knee      index into STEPS of the last step within the limit; -1 when none was
 * @param stop      why the curve (or run) ended, in a few words
 * @param shortfall what of the plan the run could not do (clients not reached, a rate the client could not offer); "" when none
 * @param checker   the checker's summary line on the run's history
 * @param tsung     Tsung's steps on the same lab with the same plan, when it ran beside (no times to deliver)
 * @param tsungUsers the users Tsung logged in and took through its steps (0 when it did not run)
 */
public record LoadResult(String profile, String start, String plan, String nodesJvm, int clientsPlanned, int clientsReached,
                         double limitMillis, List<LoadStep> steps, int knee, String stop, String shortfall, List<Failover> failovers,
                         String checker, List<LoadStep> tsung, long tsungUsers) {

    /** The share of a step's sent messages the nodes must count as delivered in the step for it to have kept up (the meter both tools share). */
    public static final double KEPT_UP = 0.99;

    public LoadResult {
        steps = List.copyOf(steps);
        failovers = List.copyOf(failovers);
        tsung = List.copyOf(tsung == null ? List.of() : tsung);
    }

    /** The last step within the limit, if one was. */
    public Optional<LoadStep> kneeStep() {
        return knee < 0 || knee >= steps.size() ? Optional.empty() : Optional.of(steps.get(knee));
    }

    /** The lab's last step, of those from the first on, that kept up by the nodes' count (the meter Tsung is judged by). */
    public Optional<LoadStep> keptUpStep() {
        return lastKeptUp(steps);
    }

    /** Tsung's last step, of those from the first on, whose deliveries (the nodes' count) kept up, if it ran and one did. */
    public Optional<LoadStep> tsungKeptUpStep() {
        return lastKeptUp(tsung);
    }

    private static Optional<LoadStep> lastKeptUp(List<LoadStep> steps) {
        LoadStep last = null;
        for (LoadStep step : steps) {
            if (!step.keptUp()) {
                break;
            }
            last = step;
        }
        return Optional.ofNullable(last);
    }

    public Instant startInstant() {
        return Instant.parse(start);
    }

    /**
     * One step of a curve: the rate asked and offered, what arrived and how fast (time to deliver:
     * from the sender's handing the message to its socket to the addressee's reading it), and each
     * node's share of the work.
     *
     * @param missing         messages of the step not delivered when the step was judged (the limit after its last send)
     * @param late            of those, the ones that arrived later in the run
     * @param serverDelivered chat messages the nodes handed to client sessions during the step (the lab plugin's
     *                        counters: the meter both tools share); -1 where not read
     * @param p99Millis       99th percentile of time to deliver over the step's messages, a missing one counting as
     *                        slower than any; infinite when more than 1 % are missing
     * @param clientCpuSeconds the client side's CPU seconds for the step
     */
    public record LoadStep(double askedRate, double offeredRate, long sent, long delivered, long missing, long late,
                           double p50Millis, double p99Millis, double maxMillis, double serverDelivered, double clientCpuSeconds,
                           List<NodeLoad> nodes, boolean withinLimit) {
        public LoadStep {
            nodes = List.copyOf(nodes);
        }

        /** By the nodes' own count, the step delivered (nearly) all it sent: {@link #KEPT_UP}. */
        public boolean keptUp() {
            return serverDelivered >= 0 && sent > 0 && serverDelivered >= KEPT_UP * sent;
        }

        /** Client CPU seconds per 1,000 messages sent. */
        public double cpuPerThousand() {
            return sent == 0 ? Double.NaN : clientCpuSeconds * 1000 / sent;
        }
    }

    /** A node during a step: the client sessions Openfire counts, the container's memory and the CPU it used (cores, averaged). */
    public record NodeLoad(String node, int sessions, long memoryBytes, double cpuCores) {
    }

    /**
     * A node going away under load and its clients coming back through the load balancer.
     *
     * @param action       "crash xmpp2" or "restart xmpp1"
     * @param carried      client sessions Openfire counted on the node just before
     * @param dropped      the workload's sessions that ended after the action
     * @param back         of those, the ones logged in again (through the load balancer) before the deadline
     * @param allBackSeconds from the action until the last of them was back; NaN when not all came back
     * @param loginRate    the logins a second the surviving nodes took while the dropped clients came back
     * @param rejoinSeconds from the action until the node was back in the cluster and healthy; NaN when it was not
     * @param curve        seconds since the action and the clients logged in at that time (the reconnection curve)
     */
    public record Failover(String action, int carried, int dropped, int back, double allBackSeconds, double loginRate,
                           double rejoinSeconds, long sent, long lost, long late, List<double[]> curve) {
        public Failover {
            curve = List.copyOf(curve);
        }
    }
}
