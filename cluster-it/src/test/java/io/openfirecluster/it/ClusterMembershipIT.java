package io.openfirecluster.it;

import io.openfirecluster.testsupport.Lab;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every node sees the same members, all the lab's nodes, at the nodes' addresses in the lab's preferred family. */
class ClusterMembershipIT {
    @Test
    void everyNodeListsAllNodesAtTheirPreferredAddresses() {
        Lab lab = Lab.get();
        // IPv6 preferred in a dual-stack lab, IPv4 otherwise.
        Set<String> expected = new TreeSet<>();
        for (String node : lab.nodes()) {
            expected.add(normal(lab.topology().dualStack() ? lab.topology().ipv6(node) : lab.topology().ipv4(node)));
        }
        for (String node : lab.nodes()) {
            List<String> members = lab.members(node);
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
