package io.openfirecluster.control;

import io.openfirecluster.topology.DockerHost;
import io.openfirecluster.topology.Topology;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.LabException;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Makes a {@link Topology} real in Docker and takes it down again.
 *
 * <p>Every service gets an "address holder": a container that does nothing but own the service's
 * network namespace, with its fixed addresses, DNS names and published host ports (like a
 * Kubernetes pod sandbox). The service itself runs with {@code net=container:HOLDER}, which the
 * docker-maven-plugin supports, so it needs no networking configuration of its own; and cutting
 * the holder off the network cuts the service off while it keeps running. What is done to a
 * container once it exists (state, exec, logs, pause, kill) is {@link #containers()}'s job.
 */
public final class LabNetwork implements AutoCloseable {
    /** Label on everything this class creates; its value is the network name. */
    public static final String LABEL = "io.openfirecluster.lab";
    /** Label naming the service a container of the lab is (a holder's service, or e.g. "tsung"). */
    public static final String SERVICE_LABEL = "io.openfirecluster.lab.service";

    private final Topology topology;
    /** Each Docker host's engine, by host name, the first host's first; on one host the one engine under "". */
    private final Map<String, DockerClient> engines;
    /** The one host's engine; across hosts, the swarm manager's, where the overlay network is made. */
    private final DockerClient docker;
    private final Containers containers;
    private final Consumer<String> log;
    private String holderImage = "debian:bookworm-slim";

    private LabNetwork(Topology topology, Map<String, DockerClient> engines, Consumer<String> log) {
        this.topology = topology;
        this.engines = engines;
        this.docker = topology.dockerHosts().isEmpty() ? engines.values().iterator().next() : manager(engines);
        Map<String, DockerClient> byContainer = new HashMap<>();
        for (LabService service : topology.services()) {
            byContainer.put(topology.holder(service), engine(service));
            byContainer.put(topology.container(service), engine(service));
        }
        // A container the topology does not name (a test's own) is the first host's.
        this.containers = new Containers(container -> byContainer.getOrDefault(container, docker));
        this.log = log;
    }

    /**
     * Connects to the Docker engine that DOCKER_HOST (or the default socket) names, or, for a lab
     * across hosts, to each host's engine; fails with one line naming what cannot be reached.
     */
    public static LabNetwork connect(Topology topology, Consumer<String> log) {
        return connect(topology, log, DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    static LabNetwork connect(Topology topology, Consumer<String> log, DockerClientConfig config) {
        Map<String, DockerClient> engines = new LinkedHashMap<>();
        if (topology.dockerHosts().isEmpty()) {
            engines.put("", DockerClients.connect(config));
        } else {
            for (DockerHost host : topology.dockerHosts()) {
                engines.put(host.name(), DockerClients.connect(host));
            }
        }
        return new LabNetwork(topology, engines, log);
    }

    /** The first of ENGINES that manages the swarm: only a manager makes and removes an overlay network. */
    private static DockerClient manager(Map<String, DockerClient> engines) {
        for (DockerClient engine : engines.values()) {
            var swarm = engine.infoCmd().exec().getSwarm();
            if (swarm != null && Boolean.TRUE.equals(swarm.getControlAvailable())) {
                return engine;
            }
        }
        throw new LabException("none of the Docker hosts " + engines.keySet() + " manages a swarm: run docker swarm init on one and docker swarm join on the others"
                + " (docs/multihost.md), or make simulated ones with lab:hosts");
    }

    /** The engine of the Docker host that runs SERVICE (and its holder). */
    DockerClient engine(LabService service) {
        return engines.get(service.getDockerHost().name());
    }

    /** A line of what the lab does, to the log it was connected with. */
    void log(String line) {
        log.accept(line);
    }

    /** The lab spans Docker hosts joined in a swarm: its network is an attachable overlay. */
    public boolean spansHosts() {
        return !topology.dockerHosts().isEmpty();
    }

    /** The image holders run: any image with coreutils' sleep. The lab uses its base image. */
    public LabNetwork withHolderImage(String image) {
        this.holderImage = image;
        return this;
    }

    public Topology topology() {
        return topology;
    }

    /** The lab's containers: their state, commands in them, their logs and life cycle. */
    public Containers containers() {
        return containers;
    }

    /**
     * The Docker client itself (the first host's, on a lab across hosts), for a test's unusual
     * call; the lab's own code goes through {@link #containers()}.
     */
    public DockerClient docker() {
        return docker;
    }

    /**
     * Creates the network and the holders of the named services (all when {@code only} is empty).
     * Leftovers of an earlier run are removed first, never reused: a killed run may have left them
     * half-made. All checks run before anything is created.
     */
    public void up(Collection<String> only) {
        up(only, false);
    }

    /**
     * As {@link #up(Collection)}, and first checks that every image the lab needs is on this
     * machine: the holders' always, the services' unless PULL (docker:start pulls them).
     */
    public void up(Collection<String> only, boolean pull) {
        up(only, pull, "");
    }

    /**
     * As {@link #up(Collection, boolean)}; with PULL a missing holder image is pulled from REGISTRY
     * (HOST:PORT, where the build pushed it) before anything else happens.
     */
    public void up(Collection<String> only, boolean pull, String registry) {
        topology.validate();
        List<LabService> services = selected(only);
        checkImages(services, pull, registry);
        Network existing = findNetwork();
        if (existing != null && !isOurs(existing.getLabels())) {
            checkForeignNetwork(existing);
        }
        down();
        if (!spansHosts()) {
            // Another host's ports are its own: its engine refuses one in use, naming it.
            checkPortsFree(services);
        }
        if (findNetwork() == null) {
            createNetwork();
        }
        for (LabService service : services) {
            createHolder(service);
        }
        log.accept("lab network " + topology.network() + " is up with " + services.size() + " address holders");
    }

    /**
     * Removes everything of this lab: the services running in holders (stopped gracefully first,
     * which is why the lab needs no docker:stop), the holders, the network.
     */
    public void down() {
        down(null);
    }

    /**
     * As {@link #down()}, and first saves each service container's whole log (every run of it,
     * with Docker's timestamps) as LOGS/CONTAINER.log, when LOGS is not null.
     */
    public void down(java.nio.file.Path logs) {
        AtomicBoolean oldLogsRemoved = new AtomicBoolean();
        for (Map.Entry<String, DockerClient> engine : engines.entrySet()) {
            down(engine.getValue(), engine.getKey(), logs, oldLogsRemoved);
        }
        Network network = findNetwork();
        if (network != null && isOurs(network.getLabels())) {
            // Whatever else joined our network (a test's own container) is disconnected, not removed.
            Network inspected = docker.inspectNetworkCmd().withNetworkId(network.getId()).exec();
            // An overlay lists no containers where none of its own host's are attached.
            for (String containerId : inspected.getContainers() == null ? Set.<String>of() : inspected.getContainers().keySet()) {
                docker.disconnectFromNetworkCmd().withNetworkId(network.getId()).withContainerId(containerId).withForce(true).exec();
            }
            docker.removeNetworkCmd(network.getId()).exec();
            log.accept("removed network " + topology.network());
        }
    }

    /**
     * The services and holders of this lab that DOCKER runs (on HOST), services first; their logs
     * to LOGS, the earlier lab's removed before the first is saved (OLD_LOGS_REMOVED says whether).
     */
    private void down(DockerClient docker, String host, java.nio.file.Path logs, AtomicBoolean oldLogsRemoved) {
        Containers containers = new Containers(docker);
        List<Container> holders = holders(docker);
        Set<String> holderRefs = new HashSet<>();
        for (Container holder : holders) {
            holderRefs.add("container:" + holder.getId());
            for (String name : holder.getNames()) {
                holderRefs.add("container:" + name.substring(1));
            }
        }
        // Services first: a holder's namespace must not vanish under a running service. They stop
        // side by side: each graceful stop waits for its process, not for the others'.
        List<Container> services = docker.listContainersCmd().withShowAll(true).exec().stream().filter(container -> {
            String mode = container.getHostConfig() == null ? null : container.getHostConfig().getNetworkMode();
            return mode != null && holderRefs.contains(mode);
        }).toList();
        if (logs != null && !services.isEmpty() && oldLogsRemoved.compareAndSet(false, true)) {
            removeOldLogs(logs);
        }
        String on = host.isEmpty() ? "" : " on " + host;
        Parallel.forEach(services, container -> {
            if ("running".equals(container.getState())) {
                // A service gets Docker's graceful stop (SIGTERM, then SIGKILL after 10 s) before it is removed.
                containers.stop(container.getId(), Duration.ofSeconds(10));
            }
            if (logs != null) {
                saveLog(containers, container, logs);
            }
            remove(docker, container.getId(), "service " + String.join(",", container.getNames()) + on);
        });
        Parallel.forEach(holders, holder -> remove(docker, holder.getId(), "holder " + String.join(",", holder.getNames()) + on));
    }

    /** Cuts a service off the lab network; it keeps running and keeps its addresses for {@link #heal}. */
    public void cut(String serviceName) {
        LabService service = topology.service(serviceName);
        String holder = topology.holder(service);
        requireHolder(holder);
        if (!isConnected(serviceName)) {
            log.accept(serviceName + " is already cut off from " + topology.network());
            return;
        }
        engine(service).disconnectFromNetworkCmd().withNetworkId(topology.network()).withContainerId(holder).withForce(true).exec();
        log.accept("cut " + serviceName + " (" + holder + ") off network " + topology.network());
    }

    /** Reconnects a cut-off service with the same addresses and DNS names. */
    public void heal(String serviceName) {
        LabService service = topology.service(serviceName);
        String holder = topology.holder(service);
        requireHolder(holder);
        if (isConnected(serviceName)) {
            log.accept(serviceName + " is connected to " + topology.network() + " already");
            return;
        }
        engine(service).connectToNetworkCmd().withNetworkId(topology.network()).withContainerId(holder)
                .withContainerNetwork(endpoint(service)).exec();
        log.accept("reconnected " + serviceName + " (" + holder + ") to network " + topology.network()
                + " as " + String.join(" ", topology.addresses(service)));
    }

    public boolean isConnected(String serviceName) {
        LabService service = topology.service(serviceName);
        InspectContainerResponse inspected = engine(service).inspectContainerCmd(topology.holder(service)).exec();
        return inspected.getNetworkSettings().getNetworks().containsKey(topology.network());
    }

    private List<LabService> selected(Collection<String> only) {
        if (only == null || only.isEmpty()) {
            return topology.services();
        }
        List<LabService> result = new ArrayList<>();
        for (String name : only) {
            result.add(topology.service(name));
        }
        return result;
    }

    private void checkImages(List<LabService> services, boolean pull, String registry) {
        if (spansHosts()) {
            new HostImages(log).ensure(engines, hostImages(services), registry);
            return;
        }
        Set<String> images = new TreeSet<>();
        images.add(holderImage);
        if (!pull) {
            services.forEach(s -> images.add(s.getImage()));
            images.remove("");
        }
        for (String image : images) {
            try {
                docker.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                if (pull && image.equals(holderImage) && registry != null && !registry.isBlank()) {
                    HostImages.pull(docker, registry, holderImage);
                    log.accept("pulled " + registry + "/" + holderImage);
                    continue;
                }
                throw new LabException("image " + image + " is not on this machine: "
                        + (image.equals(holderImage) ? "make it first (bash .ci/run builds " + image + " with debootstrap)"
                        : "build the images (./mvnw install -DskipITs) or take them from a registry (-Dimage.pull=true -Dimage.registry=HOST:PORT)"));
            }
        }
    }

    /** The images each host needs for SERVICES: the holders' on every host, each service's on its own. */
    private Map<String, Set<String>> hostImages(List<LabService> services) {
        Map<String, Set<String>> images = new LinkedHashMap<>();
        engines.keySet().forEach(host -> images.put(host, new TreeSet<>(List.of(holderImage))));
        for (LabService service : services) {
            if (!service.getImage().isEmpty()) {
                images.get(service.getDockerHost().name()).add(service.getImage());
            }
        }
        return images;
    }

    private void checkForeignNetwork(Network existing) {
        Set<String> wanted = new TreeSet<>();
        wanted.add(topology.subnet().toString());
        topology.subnet6().ifPresent(s -> wanted.add(s.toString()));
        Set<String> actual = new TreeSet<>();
        if (existing.getIpam() != null && existing.getIpam().getConfig() != null) {
            existing.getIpam().getConfig().forEach(c -> actual.add(c.getSubnet()));
        }
        throw new LabException("Docker network " + topology.network() + " already exists with subnets " + actual
                + (actual.equals(wanted) ? " but was not made by this lab" : " instead of " + wanted)
                + ": remove it (docker network rm " + topology.network() + ") or choose another -Dlab.network");
    }

    private void checkPortsFree(List<LabService> services) {
        for (LabService service : services) {
            for (LabService.PortMapping port : service.getPorts()) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(InetAddress.getByName(topology.bind()), port.hostPort()));
                } catch (IOException e) {
                    throw new LabException("host port " + topology.bind() + ":" + port.hostPort() + " (" + service.getName()
                            + " " + port.containerPort() + ") is already in use: stop what uses it, or change the port in the lab topology");
                }
            }
        }
    }

    private void createNetwork() {
        List<Network.Ipam.Config> configs = new ArrayList<>();
        configs.add(new Network.Ipam.Config().withSubnet(topology.subnet().toString()).withGateway(topology.subnet().gateway()));
        topology.subnet6().ifPresent(s -> configs.add(new Network.Ipam.Config().withSubnet(s.toString()).withGateway(s.gateway())));
        try {
            docker.createNetworkCmd()
                    .withName(topology.network())
                    // Across hosts: the swarm's overlay, attachable so that plain containers (the
                    // holders) join it with their fixed addresses and names on every host.
                    .withDriver(spansHosts() ? "overlay" : "bridge")
                    .withAttachable(spansHosts() ? Boolean.TRUE : null)
                    .withEnableIpv6(topology.subnet6().isPresent())
                    .withIpam(new Network.Ipam().withConfig(configs))
                    .withLabels(Map.of(LABEL, topology.network()))
                    .exec();
        } catch (RuntimeException e) {
            throw new LabException("Docker refused to create network " + topology.network() + " with " + subnets()
                    + " (" + firstLine(e) + "): choose other -Dlab.subnet/-Dlab.subnet6 or remove the network that overlaps");
        }
        log.accept("created network " + topology.network() + " " + subnets());
    }

    private void createHolder(LabService service) {
        String holder = topology.holder(service);
        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        for (LabService.PortMapping port : service.getPorts()) {
            ExposedPort container = ExposedPort.tcp(port.containerPort());
            exposed.add(container);
            bindings.bind(container, new Ports.Binding(topology.bind(service), Integer.toString(port.hostPort())));
        }
        DockerClient docker = engine(service);
        CreateContainerCmd create = docker.createContainerCmd(holderImage)
                .withName(holder)
                .withHostName(service.getName())
                .withUser("65534:65534")
                // Sleeps until removed; owns the namespace and nothing else.
                .withCmd("sleep", "infinity")
                .withLabels(Map.of(LABEL, topology.network(), SERVICE_LABEL, service.getName()))
                .withExposedPorts(exposed)
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode(topology.network())
                        .withPortBindings(bindings)
                        // Only for the fault commands run in it as root (Faults): its sleep has no capabilities.
                        .withCapAdd(Capability.NET_ADMIN)
                        .withInit(true))
                .withIpv4Address(topology.ipv4(service))
                .withAliases(topology.dnsNames(service));
        topology.ipv6(service).ifPresent(create::withIpv6Address);
        String id = create.exec().getId();
        docker.startContainerCmd(id).exec();
        log.accept("holder " + holder + " " + String.join(" ", topology.addresses(service)) + " names "
                + String.join(",", topology.dnsNames(service)) + (service.getDockerHost().name().isEmpty() ? "" : " on " + service.getDockerHost().name()));
    }

    private ContainerNetwork endpoint(LabService service) {
        ContainerNetwork.Ipam addresses = new ContainerNetwork.Ipam().withIpv4Address(topology.ipv4(service));
        topology.ipv6(service).ifPresent(addresses::withIpv6Address);
        return new ContainerNetwork().withIpamConfig(addresses).withAliases(topology.dnsNames(service));
    }

    private List<Container> holders(DockerClient docker) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL, topology.network())).exec();
    }

    private Network findNetwork() {
        return docker.listNetworksCmd().exec().stream()
                .filter(n -> n.getName().equals(topology.network()))
                .findFirst().orElse(null);
    }

    private boolean isOurs(Map<String, String> labels) {
        return labels != null && topology.network().equals(labels.get(LABEL));
    }

    private void requireHolder(String holder) {
        if (!containers.state(holder).exists()) {
            throw new LabException("container " + holder + " does not exist: start the lab first");
        }
    }

    /**
     * LOGS holds one lab's logs: an earlier lab's (say xmpp4's and xmpp5's, from a lab of five
     * nodes) would pass for this one's.
     */
    private void removeOldLogs(java.nio.file.Path logs) {
        if (!java.nio.file.Files.isDirectory(logs)) {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(logs)) {
            for (java.nio.file.Path file : files.filter(file -> file.getFileName().toString().endsWith(".log")).toList()) {
                java.nio.file.Files.delete(file);
            }
        } catch (IOException e) {
            log.accept("could not remove the earlier lab's logs in " + logs + ": " + firstLine(e));
        }
    }

    private void saveLog(Containers containers, Container container, java.nio.file.Path logs) {
        String name = container.getNames()[0].substring(1);
        try {
            java.nio.file.Files.createDirectories(logs);
            java.nio.file.Files.writeString(logs.resolve(name + ".log"), containers.logs(container.getId()));
        } catch (IOException | RuntimeException e) {
            log.accept("could not save the log of " + name + ": " + firstLine(e));
        }
    }

    private void remove(DockerClient docker, String id, String what) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            log.accept("removed " + what);
        } catch (NotFoundException e) {
            // gone already (auto-removed or removed by someone else): the goal is reached
        }
    }

    private String subnets() {
        return topology.subnet() + topology.subnet6().map(s -> " + " + s).orElse("");
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage()).trim();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        for (DockerClient engine : engines.values()) {
            try {
                engine.close();
            } catch (IOException e) {
                // nothing left to do with a client that fails to close
            }
        }
    }
}
