package io.openfirecluster.it.bench;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import io.openfirecluster.testsupport.Lab;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The startup benchmark (not a test: it asserts nothing): starts the lab K times in each
 * configuration, side by side in one run, the lab's defaults ("tuned", on the default Java or on
 * each Java of -Dbench.javas=17,25) and "stock" (Java 17, no JVM tuning, Hazelcast's own defaults,
 * the debugger agent on), the way a user does (lab:up docker:start), and reads from the
 * containers' own accounting: ready (from the first container's start until Openfire on every
 * node is one cluster and the load balancer takes a login), CPU-seconds each node burnt until
 * then, and its resident memory. Ratios are to the stock starts of the same run. It builds
 * nothing: each Java's node image must exist (./mvnw install -DskipITs -Dopenfire.java=N). Run it
 * with {@code ./mvnw -pl cluster-it verify -Pbench}.
 */
public final class StartupBenchmark {
    private record Run(double readySeconds, List<Double> cpuSeconds, List<Long> rssMiB) {
    }

    /** Stock: the lab before it was tuned: Java 17, the JVM's own defaults (no class archive of Openfire's classes), Hazelcast's (join wait 5 s, heartbeat 5 s, merge 120 s) and a JDWP agent in every node. */
    private static final List<String> STOCK = List.of("-Dopenfire.java=17", "-Dopenfire.jvm.tuning=", "-Dhazelcast.opts=", "-Dopenfire.debug=true");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath();
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        if (runs < 1) {
            throw new IllegalArgumentException("bench.runs=" + runs + " is not a number of runs: give e.g. -Dbench.runs=3");
        }
        // Each tuned configuration by its Java ("" is the default Java: no -Dopenfire.java), then stock.
        List<String> javas = javas(System.getProperty("bench.javas", ""));
        Map<String, List<String>> configs = new LinkedHashMap<>();
        for (String java : javas) {
            configs.put(java, java.isEmpty() ? List.of() : List.of("-Dopenfire.java=" + java));
        }
        configs.put("stock", STOCK);
        for (var config : configs.entrySet()) {
            requireImages(root, config.getKey(), config.getValue());
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        configs.keySet().forEach(config -> results.put(config, new ArrayList<>()));
        for (int i = 1; i <= runs; i++) {
            for (var config : configs.entrySet()) {
                Run run = startOnce(root, config.getValue());
                results.get(config.getKey()).add(run);
                System.out.printf(Locale.ROOT, "[bench] run %d %s: ready %.1f s, boot CPU per node %s s, RSS %s MiB%n", i, name(config.getKey()),
                        run.readySeconds(), run.cpuSeconds().stream().map(c -> String.format(Locale.ROOT, "%.1f", c)).toList(), run.rssMiB());
            }
        }
        List<Run> stock = results.get("stock");
        double stockReady = median(stock.stream().map(Run::readySeconds).toList());
        double stockCpu = median(stock.stream().flatMap(r -> r.cpuSeconds().stream()).toList());
        for (var result : results.entrySet()) {
            List<Double> ready = result.getValue().stream().map(Run::readySeconds).toList();
            List<Double> cpu = result.getValue().stream().flatMap(r -> r.cpuSeconds().stream()).toList();
            List<Double> rss = result.getValue().stream().flatMap(r -> r.rssMiB().stream()).map(Long::doubleValue).toList();
            System.out.printf(Locale.ROOT, "[bench] %s: ready median %.1f s (%.1f, %.1f) ratio %.2f; boot CPU per node median %.1f s ratio %.2f; RSS per node %.0f MiB%n",
                    name(result.getKey()), median(ready), Collections.min(ready), Collections.max(ready), median(ready) / stockReady,
                    median(cpu), median(cpu) / stockCpu, median(rss));
        }
        System.out.printf(Locale.ROOT, "[bench] (%d runs of each, %s nodes; ratios to the stock starts of this run)%n", runs, System.getProperty("bench.nodes", "3"));
    }

    /** The Javas of -Dbench.javas=17,25; none given: the default Java only. */
    static List<String> javas(String property) {
        if (property.isBlank()) {
            return List.of("");
        }
        List<String> javas = Arrays.stream(property.split(",")).map(String::trim).toList();
        for (String java : javas) {
            if (!List.of("17", "21", "25").contains(java)) {
                throw new IllegalArgumentException("bench.javas=" + property + ": " + java + " is not a Java the lab packages: give some of 17,21,25");
            }
        }
        return javas;
    }

    private static String name(String config) {
        return config.equals("stock") ? "stock (java 17, untuned)" : config.isEmpty() ? "tuned (default java)" : "java " + config;
    }

    /**
     * The images CONFIG runs must exist: the benchmark builds nothing. lab:up checks every image of
     * the lab it renders (the node image by that Java's tag) before it starts anything, and names
     * the missing one in one line; the holders it made go again at once.
     */
    private static void requireImages(Path root, String config, List<String> flags) throws IOException, InterruptedException {
        try {
            maven(root, "lab:up", null, flags);
        } catch (IllegalStateException missing) {
            String java = flags.stream().filter(f -> f.startsWith("-Dopenfire.java=")).findFirst().orElse("");
            throw new IllegalStateException("the images of " + name(config) + " are not all there (see lab:up's line above): build them first with ./mvnw install -DskipITs " + java);
        } finally {
            maven(root, "lab:down", null, List.of());
        }
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
