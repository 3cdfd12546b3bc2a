package io.openfirecluster.checker;

import io.openfirecluster.topology.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checker's verdict on one scenario's history: 1:1 counts, per-room results and the fault
 * timeline. The counts of the summary line are the 1:1 ones; rooms add their agreement.
 *
 * @param scenario the scenario's name, as the caller gave it
 * @param start    the history's start (wall clock)
 * @param span     from the history's start to its last event
 * @param direct   1:1 messages
 * @param rooms    one result per room the history mentions
 * @param faults   the faults as the history recorded them, in order
 */
public record CheckResult(String scenario, Instant start, Duration span, DirectResult direct,
                          List<RoomResult> rooms, List<FaultWindow> faults) {

    public CheckResult {
        rooms = List.copyOf(rooms);
        faults = List.copyOf(faults);
    }

    public long sent() {
        return direct.sent();
    }

    public long live() {
        return direct.live();
    }

    public long late() {
        return direct.late();
    }

    public long lost() {
        return direct.lost();
    }

    public long duplicated() {
        return direct.duplicated();
    }

    public long reordered() {
        return direct.reordered();
    }

    public boolean invariantHolds() {
        return direct.invariantHolds();
    }

    /**
     * All rooms' views agree at the end: the longest time any room took after the last heal. Empty
     * when a room's views disagree at the end or no room was observed.
     */
    public Optional<Duration> roomsAgreeAfter() {
        if (rooms.isEmpty() || rooms.stream().anyMatch(room -> room.agreement().status() != Agreement.Status.AGREE)) {
            return Optional.empty();
        }
        return rooms.stream().map(room -> room.agreement().agreeAfter().orElseThrow()).max(Duration::compareTo);
    }

    /** "rooms agree after 2.5 s", "rooms disagree" or "rooms not observed". */
    public String roomsVerdict() {
        Optional<Duration> after = roomsAgreeAfter();
        if (after.isPresent()) {
            return "rooms agree after " + Format.seconds(after.get());
        }
        boolean observed = rooms.stream().anyMatch(room -> room.agreement().status() != Agreement.Status.NOT_OBSERVED);
        return observed ? "rooms disagree" : "rooms not observed";
    }

    /** The one line for the build log. */
    public String summaryLine() {
        return "[report] consistency " + scenario + ": " + sent() + " sent, " + lost() + " lost, " + duplicated()
                + " duplicated, " + reordered() + " reordered, " + late() + " late; " + roomsVerdict();
    }
}
