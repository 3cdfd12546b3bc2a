package io.openfirecluster.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.openfirecluster.topology.Format;
import io.openfirecluster.topology.LabException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Several Docker hosts on one machine, joined in a Docker Swarm: the ground of the lab's
 * multi-host mode, where the lab's containers run standalone on several engines and meet on an
 * attachable overlay network.
 *
 * <p>A simulated host is a container of the docker-host image (a whole Docker engine, Docker in
 * Docker) on a bridge network of its own with a fixed address. The lab reaches each host's engine
 * through a unix socket the host makes in a directory bind-mounted from this machine, so no
 * engine listens on any network. Host 1 initialises the Swarm and the others join it as workers:
 * the lab's containers are standalone, not Swarm services, so the workers need no say in the
 * Swarm's state, and one manager is all a throwaway lab needs. A worker attaches its containers
 * to the attachable overlay network host 1 made.
 *
 * <p>Everything made here carries the label {@link LabNetwork#LABEL} with the hosts network's
 * name: containers, volumes and the network, so {@link #removeLeftovers} (and .ci/run) find what
 * a killed run left.
 */
public final class SimulatedHosts implements AutoCloseable {
    /** The hosts network's default name and subnet. */
    public static final String NETWORK = "openfire-cluster-hosts";
    /**
     * Outside the address pools a Docker engine picks from by itself (172.17.0.0/16 to
     * 172.31.0.0/16 and 192.168.0.0/16) and apart from the lab's own subnets (172.60.0.0/24,
     * 172.50.0.0/24), so no network Docker makes on its own ever overlaps it. Swarm gives its
     * own overlay networks /24s from 10.0.0.0/8 upwards (ingress is 10.0.0.0/24): reaching
     * 10.213.0.0 would take 54,000 networks.
     */
    public static final String SUBNET = "10.213.0.0/24";
    /** Host N has host number FIRST_HOST + N in the hosts subnet: host1 is .11. */
    static final int FIRST_HOST = 10;
    /** Where a host makes its engine's socket, bind-mounted from this machine (docker-host.sh). */
    static final String SOCKET_DIR_IN_HOST = "/run/lab-host";
    static final String HOST_LABEL = "io.openfirecluster.lab.host";
    private static final int SWARM_PORT = 2377;
    /** The lab registry's host number on the hosts network (the hosts are .11 upwards). */
    static final int REGISTRY_HOST_NUMBER = 5;
    private static final int REGISTRY_PORT = 5000;
    /** A unix socket's path is at most 107 bytes (sun_path less its terminating zero). */
    private static final int MAX_SOCKET_PATH = 107;

    /**
     * One simulated host: its name (also its hostname and Swarm node name), its address on the
     * hosts network, its container on this machine, the socket of its engine (a path on this
     * machine) and a client of that engine.
     */
    public record Host(String name, String address, String container, Path socket, DockerClient docker) {
        /** The engine's address for a Docker client (DOCKER_HOST). */
        public String dockerHost() {
            return "unix://" + socket;
        }
    }

    /**
     * What to start: COUNT hosts of IMAGE (the docker-host image) on NETWORK with SUBNET (an
     * IPv4 /24 or larger), their engines' sockets under SOCKETS (SOCKETS/hostN/docker.sock),
     * each host's 127.0.0.1:5000 forwarded to REGISTRY (HOST:PORT on the hosts network; empty:
     * none), and DEADLINE for all of them to answer and form the Swarm.
     */
    public record Plan(String image, int count, String network, String subnet, Path sockets, String registry, Duration deadline) {
        public Plan {
            if (count < 1 || count > 9) {
                throw new LabException(count + " simulated hosts: give 1 to 9");
            }
            if (registry == null) {
                registry = "";
            }
            if (!registry.isEmpty() && !registry.matches("[0-9A-Za-z.-]+:[0-9]{1,5}")) {
                throw new LabException("registry forward " + registry + " is not HOST:PORT (the lab registry's address on the hosts network)");
            }
            Subnet.parse(subnet, count + FIRST_HOST);
            sockets = sockets.toAbsolutePath().normalize();
            String longest = sockets.resolve("host" + count).resolve("docker.sock").toString();
            if (longest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
                throw new LabException("socket path " + longest + " is longer than a unix socket's " + MAX_SOCKET_PATH
                        + " bytes: give a shorter directory for the hosts' sockets");
            }
        }

        /** COUNT hosts of IMAGE on the default network, sockets under SOCKETS, no registry forward, 3 minutes. */
        public static Plan of(String image, int count, Path sockets) {
            return new Plan(image, count, NETWORK, SUBNET, sockets, "", Duration.ofMinutes(3));
        }

        /** The same plan with each host's 127.0.0.1:5000 forwarded to the lab registry {@link #startRegistry} starts. */
        public Plan withLabRegistry() {
            return withRegistry(address(REGISTRY_HOST_NUMBER) + ":" + REGISTRY_PORT);
        }

        /** The same plan with each host's 127.0.0.1:5000 forwarded to REGISTRY (HOST:PORT on the hosts network). */
        public Plan withRegistry(String registry) {
            return new Plan(image, count, network, subnet, sockets, registry, deadline);
        }

        /** The address of host number N in the hosts subnet (e.g. for the lab registry). */
        public String address(int hostNumber) {
            if (hostNumber < 1) {
                throw new LabException("host number " + hostNumber + ": give 1 or more");
            }
            return Subnet.parse(subnet, Math.max(hostNumber, count + FIRST_HOST)).address(hostNumber);
        }
    }

    /** The kernel cannot make VXLAN devices, which every overlay network is made of. */
    public static final class OverlayUnsupportedException extends LabException {
        OverlayUnsupportedException(String message) {
            super(message);
        }
    }

    private final DockerClient machine;
    private final Plan plan;
    private final Consumer<String> log;
    private final List<Host> hosts = new ArrayList<>();
    private Duration readyAfter;
    private boolean closed;

    private SimulatedHosts(DockerClient machine, Plan plan, Consumer<String> log) {
        this.machine = machine;
        this.plan = plan;
        this.log = log;
    }

    /**
     * Starts PLAN's hosts on MACHINE (this machine's engine), waits until every inner engine
     * answers, forms the Swarm and waits until all its nodes are ready. A failure removes
     * whatever was made and throws one line; leftovers of an earlier run are removed first.
     */
    public static SimulatedHosts start(DockerClient machine, Plan plan, Consumer<String> log) {
        SimulatedHosts simulated = new SimulatedHosts(machine, plan, log);
        try {
            simulated.startAll();
        } catch (RuntimeException e) {
            simulated.close();
            throw e;
        }
        return simulated;
    }

    /** The hosts, host1 first (the Swarm's manager). */
    public List<Host> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    /** Host NAME (e.g. "host2"). */
    public Host host(String name) {
        return hosts.stream().filter(host -> host.name().equals(name)).findFirst()
                .orElseThrow(() -> new LabException("no simulated host " + name + ": there are host1 to host" + hosts.size()));
    }

    /** The Swarm's manager: host1. */
    public Host manager() {
        return hosts.get(0);
    }

    /** From the call of {@link #start} until every host answered and the Swarm had all of them ready. */
    public Duration readyAfter() {
        return readyAfter;
    }

    public Plan plan() {
        return plan;
    }

    /**
     * Makes the attachable overlay network NAME with SUBNET through the manager's engine:
     * standalone containers on every host join it by name and reach each other by name.
     */
    public void createOverlay(String name, String subnet) {
        Subnet.parse(subnet, 1);
        try {
            manager().docker().createNetworkCmd()
                    .withName(name)
                    .withDriver("overlay")
                    .withAttachable(true)
                    .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(subnet)))
                    .withLabels(Map.of(LabNetwork.LABEL, plan.network()))
                    .exec();
        } catch (RuntimeException e) {
            throw new LabException("the Swarm refused to create overlay network " + name + " with " + subnet
                    + " (" + firstLine(e) + "): choose another subnet or name");
        }
        log.accept("created attachable overlay network " + name + " " + subnet + " in the Swarm of " + hosts.size() + " hosts");
    }

    /**
     * The lab registry on this machine, of IMAGE (Debian's docker-registry): published on
     * 127.0.0.1:HOST_PORT, where this machine's engine pushes without TLS, and on the hosts
     * network at the address each host forwards its own 127.0.0.1:5000 to (the plan's
     * {@link Plan#withLabRegistry}), so every engine names an image the same, 127.0.0.1:PORT/NAME.
     * Labelled like the hosts: it goes with them.
     */
    public void startRegistry(String image, int hostPort) {
        String address = plan.address(REGISTRY_HOST_NUMBER);
        try {
            machine.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new LabException("image " + image + " is not on this machine: build it with ./mvnw -pl docker-host -am package");
        }
        String id = machine.createContainerCmd(image)
                .withName(plan.network() + "-registry")
                .withLabels(Map.of(LabNetwork.LABEL, plan.network()))
                .withExposedPorts(com.github.dockerjava.api.model.ExposedPort.tcp(REGISTRY_PORT))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode(plan.network())
                        .withPortBindings(com.github.dockerjava.api.model.PortBinding.parse("127.0.0.1:" + hostPort + ":" + REGISTRY_PORT)))
                .withIpv4Address(address)
                .exec().getId();
        machine.startContainerCmd(id).exec();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        java.net.URI v2 = java.net.URI.create("http://127.0.0.1:" + hostPort + "/v2/");
        Wait.until("the lab registry answering on 127.0.0.1:" + hostPort, Duration.ofSeconds(60), () -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(v2).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted", e);
            }
        });
        log.accept("lab registry " + plan.network() + "-registry at 127.0.0.1:" + hostPort + " and, for the hosts, " + address + ":" + REGISTRY_PORT);
    }

    /**
     * Lets go of the hosts without removing them (they run on until {@link #removeLeftovers}):
     * the lab reaches them through their sockets on its own, as it reaches real hosts.
     */
    public void detach() {
        closed = true;
        for (Host host : hosts) {
            try {
                host.docker().close();
            } catch (IOException e) {
                // nothing left to do with a client that fails to close
            }
        }
    }

    private void startAll() {
        Instant started = Instant.now();
        Instant deadline = started.plus(plan.deadline());
        checkImage();
        Network existing = findNetwork(machine, plan.network());
        if (existing != null && !isOurs(existing.getLabels(), plan.network())) {
            throw new LabException("network " + plan.network() + " exists and is not the simulated hosts': remove it (docker network rm "
                    + plan.network() + ") or choose another name");
        }
        removeLeftovers(machine, plan.network(), log);
        createNetwork();
        Subnet subnet = Subnet.parse(plan.subnet(), plan.count() + FIRST_HOST);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= plan.count(); i++) {
            names.add("host" + i);
            createHost("host" + i, subnet.address(FIRST_HOST + i));
        }
        for (int i = 1; i <= plan.count(); i++) {
            hosts.add(awaitEngine("host" + i, subnet.address(FIRST_HOST + i), deadline));
        }
        checkVxlan(manager());
        formSwarm(deadline);
        readyAfter = Duration.between(started, Instant.now());
        log.accept(hosts.size() + " simulated hosts " + String.join(",", names) + " ready in one Swarm after " + Format.seconds(readyAfter));
    }

    private void checkImage() {
        try {
            machine.inspectImageCmd(plan.image()).exec();
        } catch (NotFoundException e) {
            throw new LabException("image " + plan.image() + " is not on this machine: build it with ./mvnw -pl docker-host -am package");
        }
    }

    private void createNetwork() {
        try {
            machine.createNetworkCmd()
                    .withName(plan.network())
                    .withDriver("bridge")
                    .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(plan.subnet())))
                    .withLabels(Map.of(LabNetwork.LABEL, plan.network()))
                    .exec();
        } catch (RuntimeException e) {
            throw new LabException("Docker refused to create network " + plan.network() + " with " + plan.subnet()
                    + " (" + firstLine(e) + "): choose another subnet for the hosts or remove the network that overlaps");
        }
        log.accept("created network " + plan.network() + " " + plan.subnet());
    }

    private void createHost(String name, String address) {
        String container = containerName(name);
        String volume = container + "-docker";
        Path socketDir = plan.sockets().resolve(name);
        int gid;
        try {
            deleteTree(socketDir);
            Files.createDirectories(socketDir);
            gid = (Integer) Files.getAttribute(socketDir, "unix:gid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new LabException("cannot make " + socketDir + " for " + name + "'s engine socket (" + firstLine(e) + "): give a writable directory");
        }
        Map<String, String> labels = Map.of(LabNetwork.LABEL, plan.network(), HOST_LABEL, name);
        machine.createVolumeCmd().withName(volume).withLabels(labels).exec();
        List<String> env = new ArrayList<>();
        // The socket's group: that of the directory this process made, so the user running
        // Maven reaches the engine without being root.
        env.add("DOCKER_SOCKET_GID=" + gid);
        if (!plan.registry().isEmpty()) {
            env.add("REGISTRY_FORWARD=" + plan.registry());
        }
        String id = machine.createContainerCmd(plan.image())
                .withName(container)
                .withHostName(name)
                .withLabels(labels)
                .withEnv(env)
                .withHostConfig(new UnmaskedHostConfig()
                        .withNetworkMode(plan.network())
                        // Reaps socat's and the engine's orphans; docker-host.sh becomes dockerd.
                        .withInit(true)
                        // --privileged is refused by some kernels (this project's CI machine's):
                        // every capability but SYS_RESOURCE, without seccomp, AppArmor and the
                        // masked /proc and /sys paths, is the set measured to run an inner engine
                        // there (mounts, namespaces, iptables, /proc/sys writes).
                        .withCapAdd(Capability.ALL)
                        .withCapDrop(Capability.SYS_RESOURCE)
                        // (systempaths=unconfined is the CLI's name for UnmaskedHostConfig's empty lists.)
                        .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                        // The inner engine makes its containers' cgroups in this machine's tree:
                        // a private cgroup namespace would show it a read-only, partial one.
                        .withCgroupnsMode("host")
                        .withBinds(
                                new Bind("/sys/fs/cgroup", new Volume("/sys/fs/cgroup"), AccessMode.rw),
                                // overlay2 works on a volume, not on the container's own overlay root.
                                new Bind(volume, new Volume("/var/lib/docker")),
                                new Bind(socketDir.toString(), new Volume(SOCKET_DIR_IN_HOST))))
                .withIpv4Address(address)
                .exec().getId();
        machine.startContainerCmd(id).exec();
        log.accept("started simulated host " + name + " (" + container + ") at " + address + ", engine at unix://" + socketDir.resolve("docker.sock"));
    }

    /** Polls until NAME's inner engine answers through its socket; a host that stopped fails at once with its last log line. */
    private Host awaitEngine(String name, String address, Instant deadline) {
        String container = containerName(name);
        Path socket = plan.sockets().resolve(name).resolve("docker.sock");
        Containers containers = new Containers(machine);
        DockerClient docker = Wait.until(name + "'s Docker engine answering at unix://" + socket, remaining(deadline), () -> {
            if (!containers.state(container).running()) {
                throw new LabException("simulated host " + name + " stopped: " + lastLine(containers.logs(container))
                        + " (the kernel or Docker may refuse Docker in Docker: see docs/multihost.md)");
            }
            if (!Files.exists(socket)) {
                return Optional.empty();
            }
            try {
                return Optional.of(DockerClients.connect(DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost("unix://" + socket).withDockerTlsVerify(false).build()));
            } catch (LabException notYet) {
                return Optional.empty();
            }
        }, () -> Files.exists(socket) ? "the socket is there, the engine does not answer yet" : "no socket yet");
        return new Host(name, address, container, socket, docker);
    }

    /**
     * An overlay network is VXLAN: without it the Swarm forms, but no container could join the
     * overlay. A simulated host runs on this machine's kernel, so one check in host1 tells.
     */
    private void checkVxlan(Host host) {
        Containers containers = new Containers(machine);
        Containers.ExecResult added = containers.execAsRoot(host.container(), Duration.ofSeconds(30),
                "ip", "link", "add", "lab-vxlan-check", "type", "vxlan", "id", "4242", "dstport", "4789");
        if (added.exitCode() != 0) {
            throw new OverlayUnsupportedException("the kernel cannot make VXLAN devices (" + lastLine(added.output())
                    + "), which Swarm's overlay networks are made of: load the module (modprobe vxlan) or use a kernel with CONFIG_VXLAN");
        }
        containers.execAsRoot(host.container(), Duration.ofSeconds(30), "ip", "link", "delete", "lab-vxlan-check");
    }

    private void formSwarm(Instant deadline) {
        Host manager = manager();
        String managerAddress = manager.address() + ":" + SWARM_PORT;
        try {
            manager.docker().initializeSwarmCmd(new SwarmSpec())
                    .withListenAddr("0.0.0.0:" + SWARM_PORT)
                    .withAdvertiseAddr(managerAddress)
                    .exec();
        } catch (RuntimeException e) {
            throw new LabException(manager.name() + " could not initialise a Swarm (" + firstLine(e) + "): see its log (docker logs " + manager.container() + ")");
        }
        String token = manager.docker().inspectSwarmCmd().exec().getJoinTokens().getWorker();
        for (Host worker : hosts.subList(1, hosts.size())) {
            try {
                worker.docker().joinSwarmCmd()
                        .withRemoteAddrs(List.of(managerAddress))
                        .withJoinToken(token)
                        .withListenAddr("0.0.0.0:" + SWARM_PORT)
                        .withAdvertiseAddr(worker.address() + ":" + SWARM_PORT)
                        .exec();
            } catch (RuntimeException e) {
                throw new LabException(worker.name() + " could not join the Swarm at " + managerAddress + " (" + firstLine(e)
                        + "): the hosts must reach each other on 2377/tcp, 7946/tcp+udp and 4789/udp");
            }
        }
        Wait.until("all " + hosts.size() + " Swarm nodes ready", remaining(deadline), () -> {
            List<SwarmNode> nodes = manager.docker().listSwarmNodesCmd().exec();
            return nodes.size() == hosts.size() && nodes.stream().allMatch(SimulatedHosts::ready) ? Optional.of(true) : Optional.empty();
        }, () -> manager.docker().listSwarmNodesCmd().exec().stream()
                .map(node -> node.getDescription().getHostname() + "=" + node.getStatus().getState()).toList().toString());
    }

    static boolean ready(SwarmNode node) {
        return node.getStatus() != null && node.getStatus().getState() == SwarmNodeState.READY;
    }

    /**
     * Removes everything: each host's own containers (so its engine leaves no cgroups behind in
     * this machine's tree), each host leaves the Swarm (workers before the manager), then the host
     * containers, their volumes, the hosts network and the sockets' directories. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Host> workersFirst = new ArrayList<>(hosts);
        Collections.reverse(workersFirst);
        for (Host host : workersFirst) {
            try {
                for (Container inner : host.docker().listContainersCmd().withShowAll(true).exec()) {
                    host.docker().removeContainerCmd(inner.getId()).withForce(true).withRemoveVolumes(true).exec();
                }
                host.docker().leaveSwarmCmd().withForceEnabled(true).exec();
                log.accept(host.name() + " left the Swarm");
            } catch (RuntimeException e) {
                log.accept(host.name() + " did not leave the Swarm cleanly (" + firstLine(e) + "); its container goes anyway");
            }
            try {
                host.docker().close();
            } catch (IOException e) {
                // nothing left to do with a client that fails to close
            }
        }
        removeLeftovers(machine, plan.network(), log);
        for (int i = 1; i <= plan.count(); i++) {
            Path socketDir = plan.sockets().resolve("host" + i);
            try {
                deleteTree(socketDir);
            } catch (IOException e) {
                log.accept("could not remove " + socketDir + " (" + firstLine(e) + ")");
            }
        }
        hosts.clear();
    }

    /**
     * Removes what simulated hosts on NETWORK left on MACHINE, e.g. after a killed run: every
     * container, volume and network labelled {@link LabNetwork#LABEL}=NETWORK. A host gets a
     * graceful stop first, so its engine stops its own containers and removes their cgroups.
     */
    public static void removeLeftovers(DockerClient machine, String network, Consumer<String> log) {
        Map<String, String> label = Map.of(LabNetwork.LABEL, network);
        List<Container> leftovers = machine.listContainersCmd().withShowAll(true).withLabelFilter(label).exec();
        Containers containers = new Containers(machine);
        Parallel.forEach(leftovers, container -> {
            if ("running".equals(container.getState())) {
                containers.stop(container.getId(), Duration.ofSeconds(20));
            }
            try {
                machine.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                log.accept("removed " + String.join(",", container.getNames()).replace("/", ""));
            } catch (NotFoundException e) {
                // gone already: the goal is reached
            }
        });
        Network found = findNetwork(machine, network);
        if (found != null && isOurs(found.getLabels(), network)) {
            // Whatever else joined the hosts network (the lab registry) is disconnected, not removed.
            Network inspected = machine.inspectNetworkCmd().withNetworkId(found.getId()).exec();
            for (String containerId : inspected.getContainers().keySet()) {
                machine.disconnectFromNetworkCmd().withNetworkId(found.getId()).withContainerId(containerId).withForce(true).exec();
            }
            machine.removeNetworkCmd(found.getId()).exec();
            log.accept("removed network " + network);
        }
        List<InspectVolumeResponse> volumes = machine.listVolumesCmd()
                .withFilter("label", List.of(LabNetwork.LABEL + "=" + network)).exec().getVolumes();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            try {
                machine.removeVolumeCmd(volume.getName()).exec();
                log.accept("removed volume " + volume.getName());
            } catch (NotFoundException e) {
                // gone already
            }
        }
    }

    private String containerName(String host) {
        return plan.network() + "-" + host;
    }

    private static Network findNetwork(DockerClient docker, String name) {
        return docker.listNetworksCmd().exec().stream().filter(n -> n.getName().equals(name)).findFirst().orElse(null);
    }

    private static boolean isOurs(Map<String, String> labels, String network) {
        return labels != null && network.equals(labels.get(LabNetwork.LABEL));
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "(no output)" : lines[lines.length - 1].strip();
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).trim();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Docker's container settings with the two lists docker-java does not model: empty, they
     * leave /proc and /sys unmasked and writable (the CLI's --security-opt systempaths=unconfined),
     * which the inner engine needs for its containers' /proc and for /proc/sys settings.
     */
    static final class UnmaskedHostConfig extends HostConfig {
        private static final long serialVersionUID = 1L;

        @JsonProperty("MaskedPaths")
        private final List<String> maskedPaths = List.of();

        @JsonProperty("ReadonlyPaths")
        private final List<String> readonlyPaths = List.of();
    }

    /** An IPv4 subnet, as the hosts network and the overlay take it: A.B.C.D/LEN. */
    record Subnet(int base, int prefix) {
        /** Parses TEXT and checks that host number HIGHEST fits; bad input stops in one line. */
        static Subnet parse(String text, int highest) {
            String[] parts = text == null ? new String[0] : text.split("/");
            if (parts.length != 2 || !parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") || !parts[1].matches("\\d{1,2}")) {
                throw new LabException("subnet " + text + " is not an IPv4 subnet A.B.C.D/LEN (e.g. " + SUBNET + ")");
            }
            int prefix = Integer.parseInt(parts[1]);
            int base;
            try {
                byte[] bytes = InetAddress.getByName(parts[0]).getAddress();
                base = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
            } catch (UnknownHostException e) {
                throw new LabException("subnet " + text + " is not an IPv4 subnet A.B.C.D/LEN (e.g. " + SUBNET + ")");
            }
            if (prefix < 8 || prefix > 28) {
                throw new LabException("subnet " + text + ": give a prefix length of 8 to 28");
            }
            long size = 1L << (32 - prefix);
            if (highest >= size - 1) {
                throw new LabException("subnet " + text + " has no host number " + highest + ": give a larger subnet");
            }
            return new Subnet(base & (int) ~(size - 1), prefix);
        }

        String address(int hostNumber) {
            int value = base + hostNumber;
            try {
                return ((Inet4Address) InetAddress.getByAddress(new byte[] {
                        (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value })).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
