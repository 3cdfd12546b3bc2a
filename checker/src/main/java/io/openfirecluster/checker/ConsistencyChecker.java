package io.openfirecluster.checker;

import java.util.List;

/**
 * Checks a history for anomalies: lost, late, duplicated and reordered 1:1 messages, room
 * messages occupants missed, room views that do not converge, and the fault timeline. Pure code
 * over the recorded events, so a stored history can be checked again later (see {@link HistoryJson}).
 */
public final class ConsistencyChecker {

    public CheckResult check(String scenario, History history) {
        FaultTimeline faults = FaultTimeline.of(history);
        DirectResult direct = new DirectMessageCheck(faults).check(history);
        List<RoomResult> rooms = new RoomCheck(faults).check(history);
        return new CheckResult(scenario, history.start(), history.span(), direct, rooms, faults.windows());
    }
}
