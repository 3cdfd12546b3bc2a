package io.openfirecluster.control;

import io.openfirecluster.topology.Topology;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.LabException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network module against a real Docker engine. It uses a network of its own (not the lab's),
 * so it can run while a lab is up; all traffic stays between its own containers.
 */
class LabNetworkIT {
    private static final String NETWORK = "openfire-cluster-network-it";
    private static final String SUBNET = "172.60.100.0/24";
    private static final String SUBNET6 = "fd23:d79:d076:100::/64";
    private static final String HOLDER_IMAGE = System.getProperty("lab.holder.image", "openfire-cluster/holder:latest");
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final List<String> log = new ArrayList<>();
    private LabNetwork lab;

    private static Topology topology(String subnet6, LabService... services) {
        return new Topology(NETWORK, SUBNET, subnet6, "127.0.0.1", "lab.example", List.of(services));
    }

    private static Topology dualStack() {
        return topology(SUBNET6, new LabService("a", 10, List.of("alpha.lab.example"), List.of()), new LabService("b", 20, List.of(), List.of()));
    }

    private LabNetwork connect(Topology topology) {
        lab = LabNetwork.connect(topology, log::add).withHolderImage(HOLDER_IMAGE);
        return lab;
    }

    @BeforeEach
    void noLeftovers() {
        connect(dualStack()).down();
    }

    @AfterEach
    void removeEverything() {
        lab.down();
        lab.close();
    }

    @Test
    void networkHasExactlyTheConfiguredSubnets() {
        connect(dualStack()).up(List.of());
        Network network = lab.docker().inspectNetworkCmd().withNetworkId(NETWORK).exec();
        Set<String> subnets = new TreeSet<>();
        network.getIpam().getConfig().forEach(c -> subnets.add(c.getSubnet()));
        assertEquals(new TreeSet<>(List.of(SUBNET, SUBNET6)), subnets);
        assertTrue(network.getEnableIPv6());
    }

    @Test
    void holdersGetExactlyTheirAddresses() {
        connect(dualStack()).up(List.of());
        ContainerNetwork a = endpoint("a");
        assertEquals("172.60.100.10", a.getIpAddress());
        assertEquals("fd23:d79:d076:100::10", a.getGlobalIPv6Address());
        assertEquals("172.60.100.20", endpoint("b").getIpAddress());
    }

    @Test
    void namesResolveToBothFamiliesInDualStack() {
        connect(dualStack()).up(List.of());
        for (String name : List.of("a", "a.lab.example", "alpha.lab.example")) {
            assertTrue(run("b", "getent", "ahostsv4", name).output().contains("172.60.100.10"), name + " has no A record");
            assertTrue(run("b", "getent", "ahostsv6", name).output().contains("fd23:d79:d076:100::10"), name + " has no AAAA record");
        }
    }

    @Test
    void cutAndHealChangeReachabilityAndKeepTheAddresses() {
        connect(dualStack()).up(List.of());
        // A real TCP server in a's namespace (perl is in every Debian base), answering "a".
        lab.docker().execStartCmd(lab.docker().execCreateCmd(NETWORK + "-a").withCmd("perl", "-MIO::Socket::IP", "-e",
                "my $s = IO::Socket::IP->new(Listen => 5, LocalHost => q(::), LocalPort => 7000, V6Only => 0, ReuseAddr => 1) or die; "
                        + "while (my $c = $s->accept) { print $c qq(a\\n); close $c }").exec().getId())
                .withDetach(true).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>());
        Wait.until("b reaches a before the cut", DEADLINE, () -> reaches("b", "172.60.100.10"));
        assertTrue(reaches("b", "fd23:d79:d076:100::10"), "b reaches a over IPv6 before the cut");

        lab.cut("a");
        assertFalse(lab.isConnected("a"));
        assertFalse(reaches("b", "172.60.100.10"), "b still reaches a after the cut");
        assertFalse(reaches("b", "fd23:d79:d076:100::10"), "b still reaches a over IPv6 after the cut");

        lab.heal("a");
        Wait.until("b reaches a after the heal", DEADLINE, () -> reaches("b", "172.60.100.10"));
        assertTrue(reaches("b", "fd23:d79:d076:100::10"), "b reaches a over IPv6 after the heal");
        assertEquals("172.60.100.10", endpoint("a").getIpAddress());
        assertEquals("fd23:d79:d076:100::10", endpoint("a").getGlobalIPv6Address());
        assertTrue(run("b", "getent", "ahostsv4", "alpha.lab.example").output().contains("172.60.100.10"), "alias lost in the heal");
    }

    @Test
    void upTwiceInARowLeavesOneOfEverything() {
        connect(dualStack()).up(List.of());
        connect(dualStack()).up(List.of());
        assertEquals(2, holders().size());
        assertEquals(1, lab.docker().listNetworksCmd().withNameFilter(NETWORK).exec().stream()
                .filter(n -> n.getName().equals(NETWORK)).count());
    }

    @Test
    void leftoversOfAKilledRunAreReplacedNotReused() {
        connect(dualStack()).up(List.of());
        String oldA = lab.docker().inspectContainerCmd(NETWORK + "-a").exec().getId();
        // What a killed run leaves: a stopped holder and one cut off half-way.
        lab.docker().killContainerCmd(NETWORK + "-a").exec();
        lab.docker().disconnectFromNetworkCmd().withNetworkId(NETWORK).withContainerId(NETWORK + "-b").withForce(true).exec();

        connect(dualStack()).up(List.of());
        InspectContainerResponse a = lab.docker().inspectContainerCmd(NETWORK + "-a").exec();
        assertNotEquals(oldA, a.getId());
        assertTrue(a.getState().getRunning());
        assertTrue(lab.isConnected("b"));
        assertEquals("172.60.100.20", endpoint("b").getIpAddress());
    }

    @Test
    void downRemovesServicesHoldersAndNetwork() {
        connect(dualStack()).up(List.of());
        DockerClient docker = lab.docker();
        // A service the way the docker-maven-plugin runs one: in the holder's namespace.
        String service = docker.createContainerCmd(HOLDER_IMAGE).withCmd("sleep", "infinity")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + NETWORK + "-a")).exec().getId();
        docker.startContainerCmd(service).exec();
        assertEquals("172.60.100.10", run(service, "getent", "ahostsv4", "a").output().split(" ")[0]);

        lab.down();
        assertTrue(holders().isEmpty());
        assertTrue(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(service)).exec().isEmpty());
        assertTrue(docker.listNetworksCmd().withNameFilter(NETWORK).exec().stream().noneMatch(n -> n.getName().equals(NETWORK)));
    }

    @Test
    void downSavesEachServiceLogInPlaceOfAnEarlierLabs(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("openfire-cluster-xmpp5-openfire.log"), "an earlier lab of five nodes");
        connect(dualStack()).up(List.of());
        DockerClient docker = lab.docker();
        String service = docker.createContainerCmd(HOLDER_IMAGE).withName(NETWORK + "-a-service").withCmd("sh", "-c", "echo service said this; exec sleep infinity")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + NETWORK + "-a")).exec().getId();
        docker.startContainerCmd(service).exec();

        lab.down(logs);
        try (Stream<Path> files = Files.list(logs)) {
            assertEquals(List.of(NETWORK + "-a-service.log"), files.map(file -> file.getFileName().toString()).toList());
        }
        assertTrue(Files.readString(logs.resolve(NETWORK + "-a-service.log")).contains("service said this"));
    }

    @Test
    void existingNetworkWithOtherSubnetsIsRejectedBeforeAnythingIsCreated() {
        DockerClient docker = connect(dualStack()).docker();
        docker.createNetworkCmd().withName(NETWORK).withIpam(new Network.Ipam()
                .withConfig(new Network.Ipam.Config().withSubnet("172.60.101.0/24"))).exec();
        try {
            String message = assertThrows(LabException.class, () -> lab.up(List.of())).getMessage();
            assertEquals("Docker network " + NETWORK + " already exists with subnets [172.60.101.0/24] instead of ["
                    + SUBNET + ", " + SUBNET6 + "]: remove it (docker network rm " + NETWORK + ") or choose another -Dlab.network", message);
            assertTrue(holders().isEmpty());
        } finally {
            docker.removeNetworkCmd(NETWORK).exec();
        }
    }

    @Test
    void hostPortInUseIsRejectedBeforeAnythingIsCreated() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            connect(topology(null, new LabService("a", 10, List.of(), List.of(port + ":5222"))));
            String message = assertThrows(LabException.class, () -> lab.up(List.of())).getMessage();
            assertEquals("host port 127.0.0.1:" + port + " (a 5222) is already in use: stop what uses it, or change the port in the lab topology", message);
            assertTrue(holders().isEmpty());
            assertTrue(lab.docker().listNetworksCmd().withNameFilter(NETWORK).exec().stream().noneMatch(n -> n.getName().equals(NETWORK)));
        }
    }

    @Test
    void unreachableDockerIsReportedInOneLine() {
        String message = assertThrows(LabException.class, () -> LabNetwork.connect(dualStack(), log::add,
                DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost("unix:///nonexistent/docker.sock").build())).getMessage();
        assertEquals("Docker is not reachable at unix:///nonexistent/docker.sock: start the Docker daemon (or set DOCKER_HOST) and run again", message);
    }

    private List<?> holders() {
        return lab.docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LabNetwork.LABEL, NETWORK)).exec();
    }

    private ContainerNetwork endpoint(String service) {
        return lab.docker().inspectContainerCmd(NETWORK + "-" + service).exec().getNetworkSettings().getNetworks().get(NETWORK);
    }

    private Containers.ExecResult run(String container, String... command) {
        String name = container.length() == 1 ? NETWORK + "-" + container : container;
        return lab.containers().exec(name, DEADLINE, command);
    }

    /** A TCP connect from a holder's namespace to ADDRESS:7000 that reads the server's answer. */
    private boolean reaches(String from, String address) {
        Containers.ExecResult result = run(from, "timeout", "3", "bash", "-c",
                "exec 3<>/dev/tcp/" + address + "/7000 && head -n 1 <&3");
        return result.exitCode() == 0 && result.output().trim().equals("a");
    }


    @Test
    void namesAreUnknownOutsideTheLabNetwork() {
        connect(dualStack()).up(List.of());
        lab.cut("b");
        assertNull(endpoint("b"));
        assertNotEquals(0, run("b", "getent", "ahostsv4", "a").exitCode());
        lab.heal("b");
    }
}
