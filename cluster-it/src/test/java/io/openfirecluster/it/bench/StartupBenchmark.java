package io.openfirecluster.it.bench;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import io.openfirecluster.testsupport.Lab;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The startup benchmark (not a test: it asserts nothing): starts the lab K times in each of two
 * configurations, side by side in one run, the lab's defaults ("tuned") and "stock" (no JVM
 * tuning, Hazelcast's own defaults, the debugger agent on), the way a user does (lab:up docker:start), and reads from
 * the containers' own accounting: ready (from the first container's start until Openfire on every
 * node is one cluster and the load balancer takes a login), CPU-seconds each node burnt until
 * then, and its resident memory. Run it with {@code ./mvnw -pl cluster-it verify -Pbench}.
 */
public final class StartupBenchmark {
    private record Run(double readySeconds, List<Double> cpuSeconds, List<Long> rssMiB) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath();
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        if (runs < 1) {
            throw new IllegalArgumentException("bench.runs=" + runs + " is not a number of runs: give e.g. -Dbench.runs=3");
        }
        // Stock: the lab as it was before it was tuned: the JVM's own defaults (no class-data archive
        // of Openfire's classes), Hazelcast's (join wait 5 s, heartbeat 5 s, merge 120 s) and a JDWP
        // agent in every node.
        Map<String, List<String>> configs = Map.of("tuned", List.of(),
                "stock", List.of("-Dopenfire.jvm.tuning=", "-Dhazelcast.opts=", "-Dopenfire.debug=true"));
        Map<String, List<Run>> results = Map.of("tuned", new ArrayList<>(), "stock", new ArrayList<>());
        for (int i = 1; i <= runs; i++) {
            for (String config : List.of("tuned", "stock")) {
                Run run = startOnce(root, configs.get(config));
                results.get(config).add(run);
                System.out.printf("[bench] run %d %s: ready %.1f s, boot CPU per node %s s, RSS %s MiB%n", i, config, run.readySeconds(),
                        run.cpuSeconds().stream().map(c -> String.format("%.1f", c)).toList(), run.rssMiB());
            }
        }
        List<Double> ready = results.get("tuned").stream().map(Run::readySeconds).toList();
        List<Double> stockReady = results.get("stock").stream().map(Run::readySeconds).toList();
        List<Double> cpu = results.get("tuned").stream().flatMap(r -> r.cpuSeconds().stream()).toList();
        List<Double> stockCpu = results.get("stock").stream().flatMap(r -> r.cpuSeconds().stream()).toList();
        List<Double> rss = results.get("tuned").stream().flatMap(r -> r.rssMiB().stream()).map(Long::doubleValue).toList();
        System.out.printf("[bench] ready median %.1f s (%.1f, %.1f) stock %.1f s ratio %.2f; boot CPU per node median %.1f s stock %.1f s;"
                        + " RSS per node %.0f MiB (%d runs of each, %s)%n",
                median(ready), Collections.min(ready), Collections.max(ready), median(stockReady), median(ready) / median(stockReady),
                median(cpu), median(stockCpu), median(rss), runs, System.getProperty("bench.nodes", "3") + " nodes");
    }

    private static Run startOnce(Path root, List<String> config) throws Exception {
        maven(root, "lab:up", "docker:start", config);
        try (Lab lab = Lab.connect(root.resolve("cluster-it/target/lab/topology.properties"))) {
            lab.awaitReady();
            Instant ready = Instant.now();
            Instant start = lab.topology().topology().services().stream()
                    .map(s -> lab.state(s.getName()).startedAt().orElseThrow())
                    .min(Instant::compareTo).orElseThrow();
            List<Double> cpu = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (String node : lab.nodes()) {
                Statistics stats = stats(lab, node);
                cpu.add(stats.getCpuStats().getCpuUsage().getTotalUsage() / 1e9);
                rss.add(lab.memoryMiB(node));
            }
            return new Run(Duration.between(start, ready).toMillis() / 1000.0, cpu, rss);
        } finally {
            maven(root, "lab:down", null, List.of());
        }
    }

    private static Statistics stats(Lab lab, String node) throws Exception {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        lab.docker().statsCmd(lab.container(node)).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
            @Override
            public void onNext(Statistics stats) {
                first.complete(stats);
            }
        });
        return first.get(30, TimeUnit.SECONDS);
    }

    /** ./mvnw -q -o -pl cluster-it GOALS with the benchmark's node count and CONFIG; fails on a failed build. */
    private static void maven(Path root, String goal, String second, List<String> config) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-q", "-o", "-B", "-pl", "cluster-it", goal));
        if (second != null) {
            command.add(second);
        }
        command.add("-Dlab.nodes=" + System.getProperty("bench.nodes", "3"));
        command.addAll(config);
        Process maven = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0) {
            maven.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
