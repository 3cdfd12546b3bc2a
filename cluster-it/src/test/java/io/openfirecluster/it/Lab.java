package io.openfirecluster.it;

import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.async.ResultCallback;
import io.openfirecluster.network.LabNetwork;
import io.openfirecluster.network.ResolvedTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running lab as the tests see it: its topology (as lab:up resolved it), its containers, and
 * what the nodes say about the cluster. A node's view of membership is read from its log: Hazelcast's
 * "Members {size:N" block and Openfire's "node ... has joined/left the cluster" events; a node is
 * part of a cluster of N when both say N (Openfire finishes joining a few seconds after Hazelcast).
 */
final class Lab {
    static final List<String> NODES = List.of("xmpp1", "xmpp2", "xmpp3");
    static final Duration CLUSTER_DEADLINE = Duration.ofSeconds(120);

    private static final Pattern MEMBERS = Pattern.compile("Members \\{size:(\\d+),");
    private static final Pattern MEMBER = Pattern.compile("Member \\[([^\\]]+)\\]:\\d+");
    /** Openfire's ClusterMonitor: "This node (ID/xmpp1.DOMAIN) has joined the cluster", "Another node (ID/xmpp2.DOMAIN (IP)) has left ...". */
    /** The first line of every start of a node container (the image's entrypoint.sh). */
    private static final String ENTRYPOINT_START = "entrypoint: node ";
    private static final Pattern OPENFIRE_EVENT = Pattern.compile("(This|Another) node \\([^/]+/([^.]+)\\..*\\) has (joined|left) the cluster");
    private static Lab instance;
    private static AssertionError notReady;

    final ResolvedTopology topology;
    final LabNetwork network;

    private Lab() {
        topology = ResolvedTopology.fromSystemProperty();
        network = LabNetwork.connect(topology.topology(), message -> System.out.println("[lab] " + message));
    }

    /** The lab, once every node sees the whole cluster and the load balancer takes logins (checked once, with deadlines). */
    static synchronized Lab get() {
        if (notReady != null) {
            throw notReady;
        }
        if (instance == null) {
            Lab lab = new Lab();
            try {
                lab.awaitClusterOf(NODES, Instant.EPOCH);
                poll("the load balancer accepts a c2s login", Duration.ofSeconds(30), () -> loginThroughLoadBalancer(lab));
            } catch (AssertionError e) {
                notReady = e; // every test fails with the same reason instead of waiting again
                throw e;
            }
            instance = lab;
            Report.startup(lab);
        }
        return instance;
    }

    private static boolean loginThroughLoadBalancer(Lab lab) {
        try (Xmpp session = Xmpp.login(lab, "user1", "lb")) {
            return session.connection.isAuthenticated();
        } catch (Exception e) {
            System.out.println("[lab] no c2s login through the load balancer yet: " + e.getMessage());
            return false;
        }
    }

    String container(String service) {
        return topology.network() + "-" + service + "-" + switch (service) {
            case "db" -> "postgres";
            case "lb" -> "nginx";
            default -> "openfire";
        };
    }

    /** The host port of a node's (or the load balancer's) c2s listener. */
    int c2sPort(String service) {
        return service.equals("lb") ? topology.hostPort("lb", 55222) : topology.hostPort(service, 5222);
    }

    /**
     * What NODE believes the cluster is, from its log: Hazelcast's newest member list (empty if it
     * logged none after SINCE), and the nodes Openfire knows: itself once it has joined, and the
     * others its ClusterMonitor saw join and not leave, since the container last started.
     */
    Optional<ClusterView> clusterView(String node, Instant since) {
        List<String> lines = network.logs(container(node)).lines().toList();
        Set<String> knows = new TreeSet<>();
        int hazelcastSize = -1;
        Instant hazelcastAt = Instant.MIN;
        List<String> members = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains(ENTRYPOINT_START)) {
                knows.clear(); // the container (re)started: nothing is known yet
            }
            Matcher event = OPENFIRE_EVENT.matcher(line);
            if (event.find()) {
                String name = event.group(2);
                switch (event.group(1) + " " + event.group(3)) {
                    case "This left" -> knows.clear();
                    case "This joined", "Another joined" -> knows.add(name);
                    default -> knows.remove(name);
                }
            }
            Matcher view = MEMBERS.matcher(line);
            if (view.find()) {
                hazelcastSize = Integer.parseInt(view.group(1));
                hazelcastAt = DockerLog.timestamp(line);
                members = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !DockerLog.text(lines.get(j)).trim().equals("]"); j++) {
                    Matcher member = MEMBER.matcher(lines.get(j));
                    if (member.find()) {
                        members.add(member.group(1));
                    }
                }
            }
        }
        return hazelcastAt.isBefore(since) ? Optional.empty() : Optional.of(new ClusterView(hazelcastSize, members, knows));
    }

    /**
     * Waits until NODES form a cluster of their own, as seen after SINCE: every one of them lists
     * exactly that many Hazelcast members, and Openfire has finished joining every pair of them
     * (one of the two has logged the other's join: a node that joins a running cluster logs only
     * its own join, the others log it). Prints progress; on the deadline fails naming the nodes
     * that are not there, with the tail of their logs.
     */
    void awaitClusterOf(List<String> nodes, Instant since) {
        Instant deadline = Instant.now().plus(CLUSTER_DEADLINE);
        Instant nextProgress = Instant.now();
        while (true) {
            Map<String, ClusterView> views = new LinkedHashMap<>();
            for (String node : nodes) {
                clusterView(node, since).ifPresent(view -> views.put(node, view));
            }
            Set<String> behind = new TreeSet<>();
            for (String node : nodes) {
                ClusterView view = views.get(node);
                if (view == null || view.size() != nodes.size() || !view.knows().contains(node) || !nodes.containsAll(view.knows())) {
                    behind.add(node);
                    continue;
                }
                for (String other : nodes) {
                    if (!view.knows().contains(other) && (views.get(other) == null || !views.get(other).knows().contains(node))) {
                        behind.add(node);
                    }
                }
            }
            if (behind.isEmpty()) {
                return;
            }
            String state = views.toString();
            if (Instant.now().isAfter(deadline)) {
                StringBuilder message = new StringBuilder("within " + CLUSTER_DEADLINE.toSeconds() + " s, " + behind
                        + " did not form a cluster of " + nodes + " (seen: " + state + ")");
                for (String node : behind) {
                    message.append("\n--- last lines of ").append(container(node)).append(" ---\n").append(tail(node, 30));
                }
                throw new AssertionError(message.toString());
            }
            if (!Instant.now().isBefore(nextProgress)) {
                System.out.println("[lab] waiting for " + nodes + " to form a cluster, seen: " + state);
                nextProgress = Instant.now().plusSeconds(5);
            }
            pause();
        }
    }

    /** Makes CHANGE (a cut, a stop, ...), waits until NODES form a cluster of their own, and says how long that took. */
    String changeAndAwaitClusterOf(List<String> nodes, Runnable change) {
        Instant start = Instant.now();
        change.run();
        awaitClusterOf(nodes, start);
        return Report.seconds(start, Instant.now());
    }

    String tail(String service, int lines) {
        List<String> all = network.logs(container(service)).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    void stop(String service) {
        network.docker().stopContainerCmd(container(service)).withTimeout(20).exec();
    }

    void start(String service) {
        network.docker().startContainerCmd(container(service)).exec();
    }

    /** Resident memory of a container, in MiB, as Docker's stats report it. */
    long memoryMiB(String service) {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        network.docker().statsCmd(container(service)).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
            @Override
            public void onNext(Statistics stats) {
                first.complete(stats);
            }
        });
        try {
            Long usage = first.get(30, TimeUnit.SECONDS).getMemoryStats().getUsage();
            return usage == null ? -1 : usage / (1024 * 1024);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Polls CONDITION until it holds or DEADLINE passes; the pause is a polling interval, not a wait for an outcome. */
    static void poll(String what, Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(what + ": not within " + deadline.toSeconds() + " s");
            }
            pause();
        }
    }

    /** The polling interval of every wait in the lab's tests. */
    static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What one node believes the cluster is: Hazelcast's member count and addresses, and the nodes Openfire knows. */
    record ClusterView(int size, List<String> members, Set<String> knows) {
        @Override
        public String toString() {
            return "hazelcast " + size + ", openfire " + knows;
        }
    }
}
