package io.openfirecluster.it;

import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.async.ResultCallback;
import io.openfirecluster.network.LabNetwork;
import io.openfirecluster.network.ResolvedTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    /** Openfire's ClusterMonitor: "This node (ID/NAME) has joined the cluster", "Another node (ID/NAME ...) has left ...". */
    /** The first line of every start of a node container (the image's entrypoint.sh). */
    private static final String ENTRYPOINT_START = "entrypoint: node ";
    private static final Pattern OPENFIRE_EVENT = Pattern.compile("(This|Another) node \\(([^/]+)/.*\\) has (joined|left) the cluster");
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
                lab.awaitClusterOf(NODES, NODES.size(), Instant.EPOCH);
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
     * What NODE believes the cluster is, from its log: Hazelcast's newest member list, and Openfire's
     * own view, replayed from its ClusterMonitor events (a node joined or left). Empty if the node has
     * logged no Hazelcast member list, or no cluster event, since SINCE.
     */
    Optional<ClusterView> clusterView(String node, Instant since) {
        List<String> lines = network.logs(container(node)).lines().toList();
        Set<String> openfireNodes = new HashSet<>();
        Instant lastOpenfireEvent = Instant.MIN;
        int hazelcastSize = -1;
        Instant hazelcastAt = Instant.MIN;
        List<String> members = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains(ENTRYPOINT_START)) {
                openfireNodes.clear(); // a (re)start of the container: nothing is known yet
            }
            Matcher event = OPENFIRE_EVENT.matcher(line);
            if (event.find()) {
                // Joins of this node and of others come in either order, so this node's own join only adds itself.
                String nodeId = event.group(2);
                switch (event.group(1) + " " + event.group(3)) {
                    case "This left" -> openfireNodes.clear();
                    case "This joined", "Another joined" -> openfireNodes.add(nodeId);
                    default -> openfireNodes.remove(nodeId);
                }
                lastOpenfireEvent = DockerLog.timestamp(line);
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
        if (hazelcastAt.isBefore(since) || lastOpenfireEvent.isBefore(since)) {
            return Optional.empty();
        }
        return Optional.of(new ClusterView(hazelcastSize, members, openfireNodes.size()));
    }

    /**
     * Waits until each of NODES has logged, after SINCE, a view of SIZE members; prints progress,
     * and on the deadline fails naming the nodes that are not there, with the tail of their logs.
     */
    void awaitClusterOf(List<String> nodes, int size, Instant since) {
        Instant deadline = Instant.now().plus(CLUSTER_DEADLINE);
        Instant nextProgress = Instant.now();
        while (true) {
            List<String> behind = new ArrayList<>();
            StringBuilder state = new StringBuilder();
            for (String node : nodes) {
                Optional<ClusterView> view = clusterView(node, since);
                state.append(' ').append(node).append('=').append(view.map(ClusterView::describe).orElse("?"));
                if (view.isEmpty() || view.get().size() != size || view.get().openfireNodes() != size) {
                    behind.add(node);
                }
            }
            if (behind.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder message = new StringBuilder("within " + CLUSTER_DEADLINE.toSeconds() + " s, " + behind
                        + " did not see a cluster of " + size + " (members seen:" + state + ")");
                for (String node : behind) {
                    message.append("\n--- last lines of ").append(container(node)).append(" ---\n").append(tail(node, 30));
                }
                throw new AssertionError(message.toString());
            }
            if (!Instant.now().isBefore(nextProgress)) {
                System.out.println("[lab] waiting for a cluster of " + size + ", members seen:" + state);
                nextProgress = Instant.now().plusSeconds(5);
            }
            pause();
        }
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

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What one node believes the cluster is: Hazelcast's member count and addresses, and Openfire's node count. */
    record ClusterView(int size, List<String> members, int openfireNodes) {
        String describe() {
            return size == openfireNodes ? Integer.toString(size) : "hazelcast:" + size + "/openfire:" + openfireNodes;
        }
    }
}
