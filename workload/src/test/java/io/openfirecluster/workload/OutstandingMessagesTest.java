package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutstandingMessagesTest {

    @Test
    void directMessageSettlesAtItsFirstDeliveryToAnyone() throws InterruptedException {
        OutstandingMessages outstanding = new OutstandingMessages();
        outstanding.awaitDelivery("a");
        outstanding.awaitDelivery("b");
        outstanding.delivered("a", "c04");
        outstanding.delivered("a", "c02");
        outstanding.delivered("never sent", "c02");
        assertEquals(1, outstanding.count());
        assertEquals(1, outstanding.awaitNone(Duration.ZERO), "a zero deadline does not wait");
        outstanding.settled("b");
        assertEquals(0, outstanding.awaitNone(Duration.ofMinutes(5)), "nothing outstanding returns at once");
    }

    @Test
    void roomMessageSettlesWhenEveryOccupantHasItOrDropped() {
        OutstandingMessages outstanding = new OutstandingMessages();
        outstanding.awaitDeliveries("r1", List.of("c01", "c02", "c03"));
        outstanding.awaitDeliveries("r2", List.of("c01", "c03"));
        outstanding.awaitDeliveries("nobody in the room", List.of());
        outstanding.delivered("r1", "c01");
        outstanding.delivered("r1", "c02");
        outstanding.delivered("r2", "c01");
        assertEquals(2, outstanding.count());
        outstanding.clientLeft("c03");
        assertEquals(0, outstanding.count());
    }

    @Test
    void awaitReturnsWhenTheLastOneSettles() throws InterruptedException {
        OutstandingMessages outstanding = new OutstandingMessages();
        outstanding.awaitDelivery("a");
        Thread receiver = new Thread(() -> outstanding.delivered("a", "c02"));
        receiver.start();
        assertEquals(0, outstanding.awaitNone(Duration.ofMinutes(5)));
        receiver.join();
    }
}
