package io.openfirecluster.tsung;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.OpenfireCounters;
import io.openfirecluster.topology.LabService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Reads the chat counters of every node of the lab at once and sums them: the server's count of what any client sent and got. */
final class ServerMeter {
    private final LabNetwork lab;
    /** A thread a node: each ask waits on its node, not on this machine's cores. Daemons: nothing to shut down. */
    private final ExecutorService threads;

    ServerMeter(LabNetwork lab) {
        this.lab = lab;
        this.threads = Executors.newFixedThreadPool(Math.max(1, lab.topology().nodes().size()), task -> {
            Thread thread = new Thread(task, "server-meter");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The sum over the nodes at one moment, and the nodes that did not answer (left out of the sum). */
    record Reading(Instant at, OpenfireCounters sum, List<String> silent) {
    }

    /** Every node's counters, asked side by side. */
    Reading read() {
        Instant at = Instant.now();
        Map<String, CompletableFuture<Optional<OpenfireCounters>>> asks = new TreeMap<>();
        for (LabService node : lab.topology().nodes()) {
            String container = lab.topology().container(node);
            asks.put(node.getName(), CompletableFuture.supplyAsync(() -> OpenfireCounters.read(lab, container), threads));
        }
        OpenfireCounters sum = OpenfireCounters.ZERO;
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<Optional<OpenfireCounters>>> ask : asks.entrySet()) {
            Optional<OpenfireCounters> counters = ask.getValue().join();
            if (counters.isPresent()) {
                sum = sum.plus(counters.get());
            } else {
                silent.add(ask.getKey());
            }
        }
        return new Reading(at, sum, List.copyOf(silent));
    }
}
