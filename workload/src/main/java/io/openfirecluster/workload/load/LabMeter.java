package io.openfirecluster.workload.load;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.OpenfireCounters;
import io.openfirecluster.control.OpenfireView;
import io.openfirecluster.topology.ResolvedTopology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The nodes' side of a measurement: each node's client sessions as Openfire itself counts them
 * (the lab plugin's view), its container's memory and its CPU time so far, from Docker's own
 * accounting (differences between two readings are what a step cost).
 */
final class LabMeter {
    record NodeReading(String node, int sessions, long memoryBytes, long cpuNanos) {
    }

    private final LabNetwork lab;
    private final ResolvedTopology topology;

    LabMeter(LabNetwork lab, ResolvedTopology topology) {
        this.lab = lab;
        this.topology = topology;
    }

    /** One reading of every node, the nodes side by side (each Docker stats call takes about a second). */
    Map<String, NodeReading> read() {
        Map<String, CompletableFuture<NodeReading>> readings = new LinkedHashMap<>();
        for (String node : topology.nodes()) {
            readings.put(node, CompletableFuture.supplyAsync(() -> read(node)));
        }
        Map<String, NodeReading> result = new LinkedHashMap<>();
        readings.forEach((node, reading) -> result.put(node, reading.join()));
        return result;
    }

    /** The client sessions of all nodes together, as Openfire counts them (-1 for a node that does not answer). */
    int sessions() {
        return read().values().stream().mapToInt(NodeReading::sessions).sum();
    }

    /**
     * Chat messages each node handed to its client sessions so far, as the lab plugin counts them
     * (the meter the lab's clients and Tsung share); empty when the nodes' plugin has no counters.
     */
    Map<String, Long> deliveredByNode() {
        Map<String, CompletableFuture<Long>> readings = new LinkedHashMap<>();
        for (String node : topology.nodes()) {
            readings.put(node, CompletableFuture.supplyAsync(() -> OpenfireCounters.read(lab, topology.container(node))
                    .map(OpenfireCounters::chatOut).orElse(-1L)));
        }
        Map<String, Long> result = new LinkedHashMap<>();
        readings.forEach((node, reading) -> result.put(node, reading.join()));
        return result;
    }

    private NodeReading read(String node) {
        String container = topology.container(node);
        int sessions = OpenfireView.read(lab, container, topology.nodes()).map(OpenfireView::c2sSessions).orElse(-1);
        long memory = lab.containers().memoryBytes(container).orElse(-1L);
        return new NodeReading(node, sessions, memory, cpuNanos(container));
    }

    private long cpuNanos(String container) {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        lab.docker().statsCmd(container).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
            @Override
            public void onNext(Statistics stats) {
                first.complete(stats);
            }
        });
        try {
            Long total = first.get(30, TimeUnit.SECONDS).getCpuStats().getCpuUsage().getTotalUsage();
            return total == null ? -1 : total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** "xmpp1 3334 sessions 412 MiB CPU +12.3 s" for each node, CPU since BEFORE (none for a node BEFORE lacks). */
    static String describe(Map<String, NodeReading> now, Map<String, NodeReading> before) {
        StringBuilder line = new StringBuilder();
        for (NodeReading reading : now.values()) {
            NodeReading earlier = before.get(reading.node());
            double cpu = earlier == null || earlier.cpuNanos() < 0 || reading.cpuNanos() < 0 ? Double.NaN
                    : (reading.cpuNanos() - earlier.cpuNanos()) / 1e9;
            if (!line.isEmpty()) {
                line.append("; ");
            }
            line.append(String.format(java.util.Locale.ROOT, "%s %d sessions %d MiB", reading.node(), reading.sessions(),
                    reading.memoryBytes() < 0 ? -1 : reading.memoryBytes() >> 20));
            if (earlier != null) {
                line.append(String.format(java.util.Locale.ROOT, " CPU +%.1f s", cpu));
            }
        }
        return line.toString();
    }

    static List<String> nodes(Map<String, NodeReading> readings) {
        return List.copyOf(readings.keySet());
    }
}
