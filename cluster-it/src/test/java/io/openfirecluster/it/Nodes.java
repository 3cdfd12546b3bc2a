package io.openfirecluster.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openfirecluster.testsupport.Lab;
import java.util.List;

/**
 * Which nodes a test uses, always from the lab's topology (never a literal name): the first, the
 * second, the last. A test that needs more nodes than the lab has (-Dlab.nodes=1) is skipped, and
 * JUnit counts it so.
 */
final class Nodes {
    private Nodes() {
    }

    /** The lab, when it has at least COUNT nodes; otherwise the test is skipped (not passed). */
    static Lab atLeast(int count) {
        Lab lab = Lab.get();
        assumeTrue(lab.nodes().size() >= count, "needs " + count + " nodes; this lab has " + lab.nodes().size());
        return lab;
    }

    static String first() {
        return Lab.get().nodes().get(0);
    }

    static String second() {
        return atLeast(2).nodes().get(1);
    }

    static String last() {
        List<String> nodes = Lab.get().nodes();
        return nodes.get(nodes.size() - 1);
    }

    /** Every node but NODE. */
    static List<String> allBut(String node) {
        return Lab.get().nodes().stream().filter(n -> !n.equals(node)).toList();
    }
}
