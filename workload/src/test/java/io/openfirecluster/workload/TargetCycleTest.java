package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetCycleTest {
    private static final List<String> CLIENTS = List.of("c01", "c02", "c03", "c04");

    @Test
    void everyOtherClientInTurnStartingAfterItself() {
        TargetCycle cycle = new TargetCycle(CLIENTS, "c03", false);
        assertEquals(List.of("c04", "c01", "c02", "c04", "c01", "c02"), take(cycle, 6));
    }

    @Test
    void everyRoomEveryThMessageGoesToTheRoomAndTheOthersStillTakeTurns() {
        TargetCycle cycle = new TargetCycle(CLIENTS, "c01", true);
        List<String> targets = take(cycle, 2 * TargetCycle.ROOM_EVERY);
        for (int i = 0; i < targets.size(); i++) {
            boolean roomTurn = (i + 1) % TargetCycle.ROOM_EVERY == 0;
            assertEquals(roomTurn, targets.get(i).equals("room"), "message " + (i + 1) + " went to " + targets.get(i));
        }
        List<String> direct = targets.stream().filter(t -> !t.equals("room")).limit(6).toList();
        assertEquals(List.of("c02", "c03", "c04", "c02", "c03", "c04"), direct);
    }

    private static List<String> take(TargetCycle cycle, int count) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Optional<String> next = cycle.next();
            targets.add(next.orElse("room"));
        }
        return targets;
    }
}
