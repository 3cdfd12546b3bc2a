package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.control.DockerLog;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.Fault;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** lab:crash and lab:start: a node killed with SIGKILL is dropped by its peers; started again, with the same identity, it rejoins. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {
    /** Openfire's line when it joins the cluster, with the name it gives itself: "This node (ID/NAME) has joined the cluster". */
    private static final Pattern JOINED_AS = Pattern.compile("This node \\([^/]+/([^ )]+).*\\) has joined the cluster");
    private static FaultRun fault;

    @Test
    @Order(1)
    void peersDropACrashedNode() {
        Lab lab = Nodes.atLeast(2);
        String crashed = Nodes.last();
        fault = FaultRun.apply(lab, "crash " + crashed, () -> lab.faults().apply(new Fault.Crash(crashed))).noticedWhenPeersDrop(crashed);
        fault.assertActiveOn(List.of(crashed), "crashed");
    }

    @Test
    @Order(2)
    void startedNodeRejoinsWithItsIdentity() {
        Lab lab = Nodes.atLeast(2);
        String crashed = Nodes.last();
        Instant started = Instant.now();
        fault.healAndAwaitWhole(true, () -> lab.faults().start(crashed));
        assertIdentity(lab, crashed, started);
    }

    /**
     * NODE, started again after STARTED, is the node the topology describes: inside it, its
     * addresses (IPv4, and IPv6 in a dual-stack lab) and host name; from a peer, what its DNS
     * names resolve to; every Hazelcast member lists it under its address; and Openfire joined the
     * cluster under one of its names.
     */
    private static void assertIdentity(Lab lab, String node, Instant started) {
        Topology topology = lab.topology().topology();
        LabService service = topology.service(node);
        Set<String> addresses = normal(topology.addresses(service));
        // On the lab's network; across Docker hosts a node also has its host's docker_gwbridge
        // address, through which its host publishes its ports: that one is the host's, not the node's.
        List<String> inside = words(run(lab, node, "hostname", "-I"));
        assertEquals(addresses, normal(inside.stream().filter(address -> onLabNetwork(topology, address)).toList()),
                "the lab network's addresses inside the restarted " + node + " (all: " + inside + ")");
        assertEquals(node, run(lab, node, "hostname").strip(), "the host name inside the restarted " + node);

        String peer = Nodes.allBut(node).get(0);
        for (String name : topology.dnsNames(service)) {
            Set<String> resolved = normal(run(lab, peer, "getent", "ahosts", name).lines()
                    .map(line -> line.split("\\s+")[0]).filter(address -> !address.isEmpty()).toList());
            boolean shared = topology.services().stream().anyMatch(other -> !other.getName().equals(node) && topology.dnsNames(other).contains(name));
            if (shared) { // a name all nodes have (the nodes' alias): it names this node among others
                assertTrue(resolved.containsAll(addresses), name + " resolves on " + peer + " to " + resolved + ", without " + node + "'s " + addresses);
            } else {
                assertEquals(addresses, resolved, name + " resolved on " + peer);
            }
        }

        String member = lab.memberAddress(node);
        for (String other : lab.nodes()) {
            assertTrue(lab.memberAddresses(other).contains(member), other + "'s Hazelcast does not list " + node + " as " + member);
        }

        List<String> joinedAs = lab.logLines(node).stream().filter(line -> !DockerLog.timestamp(line).isBefore(started))
                .map(JOINED_AS::matcher).filter(Matcher::find).map(joined -> joined.group(1)).distinct().toList();
        assertFalse(joinedAs.isEmpty(), "Openfire on " + node + " logged no join since its start");
        assertTrue(topology.dnsNames(service).containsAll(joinedAs), "Openfire on " + node + " joined as " + joinedAs
                + ", not one of its names " + topology.dnsNames(service));
    }

    private static boolean onLabNetwork(Topology topology, String address) {
        return topology.subnet().contains(address) || topology.subnet6().map(subnet -> subnet.contains(address)).orElse(false);
    }

    /** The output of COMMAND in SERVICE's container; it must succeed. */
    private static String run(Lab lab, String service, String... command) {
        Containers.ExecResult result = lab.network().containers().exec(lab.container(service), Duration.ofSeconds(10), command);
        assertEquals(0, result.exitCode(), List.of(command) + " in " + service + ": " + result.output());
        return result.output();
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    /** ADDRESSES in one spelling (IPv6 is written several ways). */
    private static Set<String> normal(Collection<String> addresses) {
        return new TreeSet<>(addresses.stream().map(Lab::normalAddress).toList());
    }

    @AfterAll
    static void wholeLab() {
        FaultRun.wholeAndUsable(Lab.get(), "CrashIT");
    }
}
