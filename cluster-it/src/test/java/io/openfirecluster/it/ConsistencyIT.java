package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.Format;
import io.openfirecluster.control.HealthWait;
import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.Event;
import io.openfirecluster.checker.FaultWindow;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryJson;
import io.openfirecluster.checker.HistoryRecount;
import io.openfirecluster.workload.WorkloadPlan;
import io.openfirecluster.workload.scenario.Scenario;
import io.openfirecluster.workload.scenario.ScenarioRun;
import io.openfirecluster.testsupport.Lab;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Real traffic through the cluster while a fault comes and goes, and what got lost (Jepsen's
 * approach, lab:check's code). Where Openfire loses, duplicates or reorders, the report says so:
 * that is the lab's finding. These tests assert what the lab guarantees: the workload ran, the
 * counts are those of the recorded history, the fault happened when the history says, and
 * without a fault nothing is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsistencyIT {
    private static final Path REPORTS = Path.of(System.getProperty("lab.reports", "target/lab-reports"));
    /**
     * Logins and reconnects take their share of a run: at least this part of the planned sends
     * happen (measured here: 80-100 % without a fault; a crashed node's clients send nothing
     * until it is back, 60 % of planned in the crash run).
     */
    private static final double SENT_SHARE = 0.5;
    /**
     * Shorter than lab:check's 60 s: the fault still lasts a quarter of it (7.5 s) under traffic,
     * and the drain after it stays. A lab that runs only the fault-free scenario may send for less
     * (lab.consistency.duration).
     */
    private static final String DURATION = System.getProperty("lab.consistency.duration", "30s");

    /**
     * The scenarios start on freshly started nodes (the database and the load balancer stay). The
     * forty-odd tests before them leave Openfire as their faults and heals left it, and once here
     * that state delivered nothing at all (the fault-free run: 1200 sent, 1200 lost) while
     * Hazelcast and Openfire both said the cluster was whole. A scenario measures its own fault.
     * A build that runs the scenarios first, on the lab as it started, says so with lab.fresh=true:
     * no test has touched those nodes, and a restart would cost it half a minute for nothing.
     */
    @BeforeAll
    static void startFromFreshNodes() {
        if (Boolean.getBoolean("lab.fresh")) {
            Report.add("consistency: on the nodes as the lab started them, before any other test");
            return;
        }
        Report.add("consistency: nodes restarted for the scenarios, one cluster again after " + Lab.get().restartNodes());
    }

    /**
     * First, on a lab no fault has touched yet: nothing is lost. (Once, when every 5th message went
     * to the room, the queue behind the room outgrew the drain and 18 were; see TargetCycle.) The
     * build runs it on the lab across hosts, first thing on its fresh nodes.
     */
    @Test
    @Order(1)
    @EnabledIf(value = "io.openfirecluster.it.Suite#acrossHostsOrFull", disabledReason = "runs on the lab across hosts (cluster-it/multi-host), on one host with -Dlab.suite=full")
    void withoutAFaultNothingIsLost() throws Exception {
        CheckResult result = run("none");
        assertEquals(0, result.lost(), result.summaryLine());
    }

    /**
     * IsolateIT proves the split brain and its heal. Under traffic this run most often leaves
     * Openfire split for minutes (docs/findings.md) and then waits out the 180 s deadline, so only
     * the full suite runs it.
     */
    @Test
    @Order(3)
    @EnabledIfSystemProperty(named = "lab.suite", matches = "full", disabledReason = "an isolation under traffic runs with -Dlab.suite=full; IsolateIT covers the fault")
    void isolatingTheLastNodeIsRecordedAndAccountedFor() throws Exception {
        Nodes.atLeast(2);
        run("isolate-" + Nodes.last());
    }

    @Test
    @Order(2)
    void crashingTheSecondNodeIsRecordedAndAccountedFor() throws Exception {
        run("crash-" + Nodes.second());
    }

    /** Runs SCENARIO with the default plan and checks what holds in every run. */
    private static CheckResult run(String name) throws Exception {
        Lab lab = Lab.get();
        // Every run starts on one Openfire cluster: what a run measures is its own fault only.
        lab.awaitClusterOf(lab.nodes(), Instant.EPOCH);
        Scenario scenario = Scenario.parse(name, lab.topology().topology());
        WorkloadPlan plan = ScenarioRun.plan(lab.topology().topology(), "", DURATION, "", ScenarioRun.DEFAULT_ROOM);
        ScenarioRun.Outcome outcome = ScenarioRun.run(lab.network(), scenario, plan, REPORTS, line -> System.out.println("[checker] " + line));
        CheckResult result = outcome.result();
        Report.add(result.summaryLine().replace("[report] ", ""));
        double planned = plan.rate() * plan.duration().toSeconds();
        assertTrue(result.sent() >= SENT_SHARE * planned, "the workload sent " + result.sent() + " of " + (long) planned + " planned messages");
        // The history as the run wrote it (ReportWriter: consistency-SCENARIO.json; the lab's scenario names are file names already).
        History history = HistoryJson.read(REPORTS.resolve("consistency-" + result.scenario() + ".json"));
        assertCountsAreThoseOfTheHistory(result, history);
        if (scenario.hasFault()) {
            FaultWindow fault = result.faults().stream().filter(f -> f.description().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("the history has no fault " + name + ": " + result.faults()));
            // The timeline: applied a quarter into the sends (after the logins), healed a quarter later.
            // The run waits a quarter before it applies, so only the history can say the fault came
            // and went under traffic: clients sent before it was applied and after it was healed.
            Duration quarter = plan.duration().dividedBy(4);
            Duration applied = fault.applied().orElseThrow(() -> new AssertionError(name + " was never applied"));
            Duration healed = fault.healed().orElseThrow(() -> new AssertionError(name + " was never healed"));
            assertTrue(sendsBetween(history, Duration.ZERO, applied) > 0, "no client sent before " + name + " was applied at " + applied);
            assertTrue(sendsBetween(history, healed, history.span()) > 0, "no client sent after " + name + " was healed at " + healed);
            assertWithin(healed.minus(applied), quarter, name + " lasted");
        }
        // Whether Openfire is one cluster again is measured, not asserted: after an isolation under
        // traffic it sometimes is not (docs/findings.md). So the isolation runs last, and the suite
        // runs these scenarios after every other test.
        if (!outcome.lockLeaks().isEmpty()) {
            // A lock Hazelcast ran twice stays held (see FaultRun.wholeAndUsable): messages to its
            // user hang on every node, which can explain what this run lost.
            Report.add("consistency " + name + ": Hazelcast ran a lock operation twice during the run, that lock stays held: " + outcome.lockLeaks());
        }
        Report.add(outcome.wholeAgain()
                .map(took -> "consistency " + name + ": Openfire was one cluster again " + Format.seconds(took) + " after the run")
                .orElseGet(() -> "consistency " + name + ": Openfire was NOT one cluster again within the deadline after the run (Hazelcast: "
                        + lab.hazelcastWhole() + "; health: " + HealthWait.now(lab.network()) + ")"));
        return result;
    }

    /**
     * The checker's counts are those of the history the run recorded (the file the run wrote),
     * counted again by other code: every received message was sent, no message was sent twice,
     * and lost, late, duplicated, reordered, the rooms' missed deliveries and the rest are the
     * recount's. (sent = live + late + lost would hold whatever the checker did.)
     */
    private static void assertCountsAreThoseOfTheHistory(CheckResult result, History history) {
        assertEquals(Set.of(), HistoryRecount.receivedButNeverSent(history), "received, but no client sent them");
        assertEquals(Set.of(), HistoryRecount.sentTwice(history), "sent more than once");
        assertEquals(HistoryRecount.of(history), HistoryRecount.of(result), "the checker's counts against a recount of the history");
    }

    /** The 1:1 and room messages HISTORY records as sent from FROM to UNTIL (since its start). */
    private static long sendsBetween(History history, Duration from, Duration until) {
        return history.ofKind(Event.Kind.SEND, Event.Kind.GROUP_SEND).stream()
                .filter(send -> send.nanos() >= from.toNanos() && send.nanos() <= until.toNanos()).count();
    }

    /** The history says the fault lasted as the timeline had it: within seconds (applying and healing take their time). */
    private static void assertWithin(Duration actual, Duration planned, String what) {
        assertTrue(actual.compareTo(planned.minusSeconds(2)) >= 0 && actual.compareTo(planned.plusSeconds(3)) <= 0,
                what + " " + actual.toMillis() + " ms, planned " + planned.toMillis() + " ms");
    }
}
