package io.openfirecluster.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openfirecluster.control.Fault;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.topology.LabException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * lab:latency 200ms on the last node's links to its peers (tc netem): lab:status shows the delay
 * on that node, and heal leaves one cluster without faults. A kernel without sch_netem (this
 * project's CI machine) cannot delay packets: the test then prints NOT RUN and is skipped.
 */
class LatencyIT {
    @Test
    void delayShowsOnTheNodeAndHealLeavesOneCluster() {
        Lab lab = Nodes.atLeast(2);
        String slow = Nodes.last();
        FaultRun fault;
        try {
            fault = FaultRun.apply(lab, "latency 200ms " + slow, () -> lab.faults().apply(new Fault.Latency(slow, Duration.ofMillis(200))));
        } catch (LabException e) {
            System.out.println("[WARNING] NOT RUN: LatencyIT: " + e.getMessage());
            assumeTrue(false, e.getMessage());
            return;
        }
        fault.assertActiveOn(List.of(slow), "latency (netem)");
        fault.healAndAwaitWhole(false);
    }

    @AfterAll
    static void wholeLab() {
        FaultRun.wholeAndUsable(Lab.get(), "LatencyIT");
    }
}
