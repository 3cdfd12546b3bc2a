package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openfirecluster.testsupport.Lab;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every node sees the same members, all the lab's nodes, at the nodes' addresses in the lab's preferred family. */
class ClusterMembershipIT {
    @Test
    void everyNodeListsAllNodesAtTheirPreferredAddresses() {
        Lab lab = Lab.get();
        // IPv6 preferred in a dual-stack lab, IPv4 otherwise.
        Set<String> expected = new TreeSet<>(lab.nodes().stream().map(lab::memberAddress).toList());
        for (String node : lab.nodes()) {
            assertEquals(expected, lab.memberAddresses(node), node + "'s view of the cluster");
        }
        Report.add("Hazelcast members: " + expected);
    }
}
