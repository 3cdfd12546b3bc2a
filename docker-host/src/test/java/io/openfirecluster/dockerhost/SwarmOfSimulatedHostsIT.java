package io.openfirecluster.dockerhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeState;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.DockerClients;
import io.openfirecluster.topology.Format;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.SimulatedHosts;
import io.openfirecluster.control.SimulatedHosts.Host;
import io.openfirecluster.control.Wait;
import io.openfirecluster.topology.LabException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Three simulated Docker hosts (docker-host containers, real inner engines) in one Swarm, as the
 * lab's multi-host mode will use them: the Swarm has all three nodes ready; on an attachable
 * overlay network a standalone container on host2, at a fixed address, reaches one on host1 by
 * name; and an image pushed from this machine to the lab registry (127.0.0.1:5000 here) is pulled
 * on a host under the same name, through the host's own loopback forward. The hosts get every
 * image they run from that registry, as real hosts would.
 *
 * <p>Where the kernel cannot make overlay networks (no VXLAN), the test prints NOT RUN and is
 * skipped. Everything it made is removed at the end, also when it fails. The default suite runs
 * each behaviour once: cluster-it's multi-host lab stands on the same ground (lab:hosts forms the
 * swarm, its nodes meet by name across hosts, every host pulls through its forward), so this
 * test alone runs with -Dlab.suite=full.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "lab.suite", matches = "full", disabledReason = "the multi-host lab of cluster-it proves the same ground; -Dlab.suite=full runs it alone too")
class SwarmOfSimulatedHostsIT {
    private static final int HOSTS = 3;
    private static final int LISTENER_PORT = 7000;
    private static final Duration PULL = Duration.ofMinutes(3);
    private static final Duration OVERLAY_REACH = Duration.ofSeconds(90);
    private static final Instant BEGIN = Instant.now();
    /** SimulatedHosts' lines, with the seconds since the test class began: where the time goes. */
    private static final Consumer<String> LOG = line -> System.out.println("[hosts] "
            + Format.seconds(Duration.between(BEGIN, Instant.now())) + " " + line);

    private static final String REGISTRY_PORT = property("hosts.registry.port");
    private static final String BASE_IMAGE = property("base.image");
    /** The base image as every host pulls it: from the lab registry, over the host's loopback. */
    private static final String REMOTE_BASE = "127.0.0.1:" + REGISTRY_PORT + "/" + BASE_IMAGE;
    private static final String OVERLAY = property("lab.network");
    private static final String OVERLAY_SUBNET = property("lab.subnet");

    private static DockerClient machine;
    private static SimulatedHosts simulated;
    private static SimulatedHosts.Plan plan;

    @BeforeAll
    static void startHostsRegistryAndOverlay() throws Exception {
        machine = DockerClients.connect();
        plan = SimulatedHosts.Plan.of(property("host.image"), HOSTS, Path.of(property("hosts.sockets"))).withLabRegistry();
        try {
            simulated = SimulatedHosts.start(machine, plan, LOG);
        } catch (SimulatedHosts.OverlayUnsupportedException e) {
            System.out.println("[WARNING] NOT RUN: SwarmOfSimulatedHostsIT: " + e.getMessage());
            Assumptions.abort(e.getMessage());
        }
        System.out.println("[report] simulated hosts: " + HOSTS + " engines answering and ready in one Swarm "
                + Format.seconds(simulated.readyAfter()) + " after the start");
        simulated.createOverlay(OVERLAY, OVERLAY_SUBNET);
        simulated.startRegistry(property("registry.it.image"), Integer.parseInt(REGISTRY_PORT));
        pushBaseImage();
    }

    @AfterAll
    static void removeEverything() throws IOException {
        if (machine == null) {
            return;
        }
        Instant start = Instant.now();
        try {
            if (simulated != null) {
                simulated.close();
                System.out.println("[report] simulated hosts: removal of the hosts, their Swarm, volumes, network and the registry: "
                        + Format.seconds(Duration.between(start, Instant.now())));
            }
        } finally {
            // The registry and anything a failed start left: by the label, whatever happened above.
            SimulatedHosts.removeLeftovers(machine, SimulatedHosts.NETWORK, LOG);
            untag(REMOTE_BASE);
            machine.close();
        }
    }

    @Test
    @Order(1)
    void swarmHasEveryHostReady() {
        List<SwarmNode> nodes = simulated.manager().docker().listSwarmNodesCmd().exec();
        Set<String> ready = new TreeSet<>();
        for (SwarmNode node : nodes) {
            if (node.getStatus() != null && node.getStatus().getState() == SwarmNodeState.READY) {
                ready.add(node.getDescription().getHostname());
            }
        }
        assertEquals(new TreeSet<>(List.of("host1", "host2", "host3")), ready, "ready Swarm nodes (all: " + nodes.size() + ")");
        for (Host host : simulated.hosts()) {
            System.out.println("[report] simulated hosts: " + host.name() + " uses " + mebibytes(memoryLikeDockerStats(host.container()))
                    + " MiB in the Swarm, no containers of its own (docker stats of its container: dockerd, containerd, socat)");
        }
    }

    @Test
    @Order(2)
    void containerOnHost2ReachesContainerOnHost1ByNameOnTheOverlay() {
        Host host1 = simulated.host("host1");
        Host host2 = simulated.host("host2");
        pull(host1);
        pull(host2);
        String listenerAddress = overlayAddress(10);
        String clientAddress = overlayAddress(20);
        // A listener made of the base image alone (perl-base is in every Debian): answers each
        // connection with its hostname and the peer's address, so the client proves both ends.
        String listener = "use IO::Socket::INET; $| = 1;"
                + " my $server = IO::Socket::INET->new(LocalPort => " + LISTENER_PORT + ", Listen => 5, ReuseAddr => 1) or die qq(listen: $!);"
                + " print qq(listening\\n);"
                + " open my $h, q(<), q(/etc/hostname); my $name = <$h>; chomp $name;"
                + " while (my $peer = $server->accept) { print $peer qq(hello from $name to ) . $peer->peerhost . qq(\\n); close $peer }";
        String listenerId = host1.docker().createContainerCmd(REMOTE_BASE)
                .withName("listener")
                .withHostName("listener-on-host1")
                .withCmd("perl", "-e", listener)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(OVERLAY))
                .withIpv4Address(listenerAddress)
                .exec().getId();
        host1.docker().startContainerCmd(listenerId).exec();
        Containers host1Containers = new Containers(host1.docker());
        Wait.until("the listener on host1 listening", Duration.ofSeconds(30), () -> host1Containers.logs(listenerId).contains("listening"));

        // The overlay's name service learns of host1's container by gossip: the client retries
        // (each try a new container, the address freed first) until it gets through or the deadline passes.
        String client = "getent hosts listener; exec 3<>/dev/tcp/listener/" + LISTENER_PORT + " && IFS= read -r line <&3 && echo \"$line\"";
        List<String> tries = new ArrayList<>();
        String answer = Wait.until("a container on host2 reaching listener (host1) by name on " + OVERLAY, OVERLAY_REACH, () -> {
            String output = runToEnd(host2, "client", clientAddress, "bash", "-c", client);
            tries.add(output.strip().replace('\n', '|'));
            return output.contains("hello from") ? Optional.of(output) : Optional.empty();
        }, () -> tries.isEmpty() ? "" : tries.get(tries.size() - 1));
        // Each log line starts with Docker's timestamp; getent's answer is "ADDRESS   NAME".
        assertTrue(Pattern.compile("\\s" + Pattern.quote(listenerAddress) + "\\s+listener\\b").matcher(answer).find(),
                "the name listener resolved on host2 to something else than " + listenerAddress + ": " + answer);
        assertTrue(answer.contains("hello from listener-on-host1 to " + clientAddress),
                "host1's listener did not see host2's client at " + clientAddress + ": " + answer);
        System.out.println("[report] simulated hosts: host2 (" + clientAddress + ") reached host1's listener (" + listenerAddress
                + ") by name over the overlay after " + tries.size() + " tr" + (tries.size() == 1 ? "y" : "ies"));
    }

    @Test
    @Order(3)
    void host3PullsTheImagePushedToTheLabRegistry() {
        Host host3 = simulated.host("host3");
        pull(host3);
        String pushed = machine.inspectImageCmd(BASE_IMAGE).exec().getId();
        String pulled = host3.docker().inspectImageCmd(REMOTE_BASE).exec().getId();
        assertEquals(pushed, pulled, REMOTE_BASE + " on host3 is not the image pushed from this machine");
    }

    private static void pushBaseImage() throws InterruptedException {
        int colon = REMOTE_BASE.lastIndexOf(':');
        machine.tagImageCmd(BASE_IMAGE, REMOTE_BASE.substring(0, colon), REMOTE_BASE.substring(colon + 1)).exec();
        List<String> errors = new ArrayList<>();
        Instant start = Instant.now();
        boolean done = machine.pushImageCmd(REMOTE_BASE.substring(0, colon)).withTag(REMOTE_BASE.substring(colon + 1))
                .exec(new ResultCallback.Adapter<PushResponseItem>() {
                    @Override
                    public void onNext(PushResponseItem item) {
                        if (item.getErrorDetail() != null) {
                            errors.add(item.getErrorDetail().getMessage());
                        }
                    }
                }).awaitCompletion(PULL.toSeconds(), TimeUnit.SECONDS);
        assertTrue(done && errors.isEmpty(), "push of " + REMOTE_BASE + (done ? " failed: " + errors : " did not finish within " + PULL));
        System.out.println("[report] simulated hosts: push of " + REMOTE_BASE + " (" + mebibytes(machine.inspectImageCmd(BASE_IMAGE).exec().getSize())
                + " MiB) from this machine: " + Format.seconds(Duration.between(start, Instant.now())));
    }

    /** HOST pulls the base image from the lab registry through its loopback forward; the time is reported. */
    private static void pull(Host host) {
        int colon = REMOTE_BASE.lastIndexOf(':');
        Instant start = Instant.now();
        try {
            boolean done = host.docker().pullImageCmd(REMOTE_BASE.substring(0, colon)).withTag(REMOTE_BASE.substring(colon + 1))
                    .exec(new PullImageResultCallback()).awaitCompletion(PULL.toSeconds(), TimeUnit.SECONDS);
            assertTrue(done, host.name() + ": pull of " + REMOTE_BASE + " did not finish within " + PULL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while pulling on " + host.name(), e);
        }
        Duration took = Duration.between(start, Instant.now());
        long size = host.docker().inspectImageCmd(REMOTE_BASE).exec().getSize();
        System.out.println("[report] simulated hosts: pull of " + REMOTE_BASE + " (" + mebibytes(size) + " MiB) on " + host.name()
                + " through its 127.0.0.1:5000 forward to the lab registry: " + Format.seconds(took));
    }

    /** Runs a container on HOST's overlay at ADDRESS until it exits; returns its output and removes it. */
    private static String runToEnd(Host host, String name, String address, String... command) {
        DockerClient docker = host.docker();
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException e) {
            // the first try: nothing to remove
        }
        String id = docker.createContainerCmd(REMOTE_BASE)
                .withName(name)
                .withCmd(command)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(OVERLAY))
                .withIpv4Address(address)
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(30, TimeUnit.SECONDS);
            return new Containers(docker).logs(id);
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    /** What docker stats shows for a container: its cgroup's memory use less the page cache it may drop. */
    private static long memoryLikeDockerStats(String container) {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        machine.statsCmd(container).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
            @Override
            public void onNext(Statistics stats) {
                first.complete(stats);
            }
        });
        Statistics stats;
        try {
            stats = first.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new LabException("no memory figures for " + container + ": " + e.getMessage(), e);
        }
        long usage = stats.getMemoryStats().getUsage();
        StatsConfig detail = stats.getMemoryStats().getStats();
        Long inactive = detail == null ? null
                : detail.getTotalInactiveFile() != null ? detail.getTotalInactiveFile() : detail.getInactiveFile();
        return inactive != null && inactive < usage ? usage - inactive : usage;
    }

    private static String overlayAddress(int hostNumber) {
        String prefix = OVERLAY_SUBNET.substring(0, OVERLAY_SUBNET.lastIndexOf('.'));
        return prefix + "." + hostNumber;
    }

    private static void untag(String name) {
        try {
            machine.removeImageCmd(name).exec();
        } catch (NotFoundException e) {
            // not tagged (the push never happened): nothing to remove
        }
    }

    private static long mebibytes(long bytes) {
        return Math.round(bytes / 1048576.0);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new LabException("system property " + name + " is not set: run this test through Maven (failsafe)");
        }
        return value;
    }
}
