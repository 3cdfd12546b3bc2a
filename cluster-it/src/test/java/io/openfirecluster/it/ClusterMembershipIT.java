package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every node sees the same three members, at the nodes' addresses in the lab's preferred family. */
class ClusterMembershipIT {
    @Test
    void everyNodeSeesAllNodesAtTheirPreferredAddresses() {
        Lab lab = Lab.get();
        // IPv6 preferred in a dual-stack lab, IPv4 otherwise.
        Set<String> expected = new TreeSet<>();
        for (String node : Lab.NODES) {
            expected.add(normal(lab.topology.dualStack() ? lab.topology.ipv6(node) : lab.topology.ipv4(node)));
        }
        for (String node : Lab.NODES) {
            List<String> members = lab.clusterView(node, Instant.EPOCH).orElseThrow().members();
            assertEquals(expected, new TreeSet<>(members.stream().map(ClusterMembershipIT::normal).toList()), node + "'s view of the cluster");
        }
        Report.add("Hazelcast members: " + expected);
    }

    /** One spelling per address: Hazelcast writes IPv6 addresses uncompressed. */
    private static String normal(String address) {
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("not an address: " + address, e);
        }
    }
}
