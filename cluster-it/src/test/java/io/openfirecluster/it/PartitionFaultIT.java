package io.openfirecluster.it;

import io.openfirecluster.control.Fault;
import io.openfirecluster.testsupport.Lab;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * lab:partition: the first node alone, the others together; each side a cluster of its own; heal
 * joins them. Openfire sees the split brain IsolateIT makes (one node alone), and control's
 * FaultsIT proves the partition's rules, so the default suite leaves it out (45 s, most of it the
 * merge's wait).
 */
@EnabledIfSystemProperty(named = "lab.suite", matches = "full", disabledReason = "the same split brain as IsolateIT, its rules proven by control's FaultsIT; runs with -Dlab.suite=full")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionFaultIT {
    private static FaultRun fault;

    @Test
    @Order(1)
    void eachGroupBecomesAClusterOfItsOwn() {
        Lab lab = Nodes.atLeast(3);
        String alone = Nodes.first();
        List<String> rest = Nodes.allBut(alone);
        String groups = alone + "|" + String.join(",", rest);
        fault = FaultRun.apply(lab, "partition " + groups, () -> lab.faults().apply(new Fault.Partition(List.of(List.of(alone), rest)))).noticedWhenPeersDrop(alone);
        fault.noticedWhen(alone + " is a cluster of 1", () -> lab.hazelcastClusterOf(List.of(alone)));
        fault.assertActiveOn(lab.nodes(), "partition " + groups);
    }

    @Test
    @Order(2)
    void healJoinsThePartsAgain() {
        Nodes.atLeast(3);
        fault.healAndAwaitWhole(true);
    }

    @AfterAll
    static void wholeLab() {
        FaultRun.wholeAndUsable(Lab.get(), "PartitionFaultIT");
    }
}
