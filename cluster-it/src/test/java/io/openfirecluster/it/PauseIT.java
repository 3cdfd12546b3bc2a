package io.openfirecluster.it;

import io.openfirecluster.control.Fault;
import io.openfirecluster.testsupport.Lab;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** lab:pause: a frozen JVM keeps its sockets but answers nothing; its peers drop it, and after resume it is a member again. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PauseIT {
    private static FaultRun fault;

    @Test
    @Order(1)
    void peersDropAFrozenNodeAfterFailureDetection() {
        Lab lab = Nodes.atLeast(2);
        String frozen = Nodes.last();
        fault = FaultRun.apply(lab, "pause " + frozen, () -> lab.faults().apply(new Fault.Pause(frozen))).noticedWhenNoPeerLists(frozen);
        fault.assertActiveOn(List.of(frozen), "paused");
    }

    @Test
    @Order(2)
    void resumedNodeIsAMemberAgain() {
        Lab lab = Nodes.atLeast(2);
        String frozen = Nodes.last();
        fault.healAndAwaitWhole(true, () -> lab.faults().resume(frozen));
    }

    @AfterAll
    static void wholeLab() {
        FaultRun.wholeAndUsable(Lab.get(), "PauseIT");
    }
}
