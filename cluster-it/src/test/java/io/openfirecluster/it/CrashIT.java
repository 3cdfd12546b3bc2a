package io.openfirecluster.it;

import io.openfirecluster.control.Fault;
import io.openfirecluster.testsupport.Lab;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** lab:crash and lab:start: a node killed with SIGKILL is dropped by its peers; started again, with the same identity, it rejoins. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {
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
        fault.healAndAwaitWhole(true, () -> lab.faults().start(crashed));
    }

    @AfterAll
    static void wholeLab() {
        FaultRun.wholeAndUsable(Lab.get(), "CrashIT");
    }
}
