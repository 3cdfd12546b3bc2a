package io.openfirecluster.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.FaultWindow;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryJson;
import io.openfirecluster.checker.HistoryRecount;
import io.openfirecluster.checker.PairKind;
import io.openfirecluster.checker.PairResult;
import io.openfirecluster.workload.WorkloadPlan;
import io.openfirecluster.workload.scenario.Scenario;
import io.openfirecluster.workload.scenario.ScenarioRun;
import io.openfirecluster.topology.Format;
import io.openfirecluster.control.HealthWait;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * lab:check's code on the cluster with another domain: clients on every cluster node, on the load
 * balancer and on otherxmpp message each other (across domains both ways) and talk in the
 * cluster's muc1, fault-free and (with -Dlab.suite=full) while the node holding the outgoing route
 * to otherxmpp crashes.
 * Asserted is what the lab guarantees: without a fault nothing is lost, across domains included;
 * the checker's counts, per pair kind too, are those of the recorded history; the fault hit a node
 * of the cluster, named in the history. What the crash costs is printed as [report] lines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossDomainConsistencyIT {
    private static final Path REPORTS = Path.of(System.getProperty("lab.reports", "target/lab-reports"));
    /** Short runs: the whole verify must stay well under CI's limit; 35 s still puts the fault under traffic for 9 s. */
    private static final String DURATION = "35s";
    /** Without a fault no timeline needs room: every kind of pair still sends for this long. */
    private static final String FAULT_FREE_DURATION = "20s";
    /** Logins and reconnects take their share of a run: at least this part of the planned sends happen. */
    private static final double SENT_SHARE = 0.5;

    @Test
    @Order(1)
    void withoutAFaultNothingIsLostAcrossDomainsEither() throws Exception {
        CheckResult result = run("none", FAULT_FREE_DURATION);
        // The workload reaches every way a message can travel: a kind missing would leave it unchecked.
        for (PairKind kind : PairKind.values()) {
            assertTrue(result.direct().pair(kind).isPresent(), "no message went " + kind.label() + ": " + result.direct().pairs());
        }
        assertEquals(0, result.direct().pair(PairKind.CROSS_DOMAIN).orElseThrow().lost(), "lost across domains");
        assertEquals(0, result.lost(), result.summaryLine());
    }

    /** RouteHolderFaultsIT crashes the holder under traffic too (what bounces, when delivery resumes); this is the checker's view of it. */
    @Test
    @Order(2)
    @EnabledIfSystemProperty(named = "lab.suite", matches = "full", disabledReason = "runs with -Dlab.suite=full; RouteHolderFaultsIT crashes the route holder under traffic")
    void crashingTheRouteHolderIsRecordedAndAccountedFor() throws Exception {
        CheckResult result = run("crash-route", DURATION);
        FaultWindow fault = result.faults().stream().filter(f -> f.description().startsWith("crash-route (")).findFirst()
                .orElseThrow(() -> new AssertionError("the history has no crash-route fault: " + result.faults()));
        String node = fault.description().substring("crash-route (".length(), fault.description().length() - 1);
        Topology topology = Lab.get().topology().topology();
        List<String> cluster = topology.nodesOf(topology.domains().get(0)).stream().map(service -> service.getName()).toList();
        assertTrue(cluster.contains(node), "the fault hit " + node + ", not a node of the cluster " + cluster);
        assertTrue(fault.applied().isPresent() && fault.healed().isPresent(), "applied and healed: " + fault);
    }

    /** Runs SCENARIO on the lab with the default plan, shortened, and checks what holds in every run. */
    private static CheckResult run(String name, String duration) throws Exception {
        Lab lab = Lab.get();
        Topology topology = lab.topology().topology();
        Scenario scenario = Scenario.parse(name, topology);
        WorkloadPlan plan = ScenarioRun.plan(topology, "", duration, "", ScenarioRun.DEFAULT_ROOM);
        assertTrue(plan.domains().size() > 1, "the plan has clients of every domain: " + plan.domains());
        ScenarioRun.Outcome outcome = ScenarioRun.run(lab.network(), scenario, plan, REPORTS, line -> System.out.println("[checker] " + line));
        CheckResult result = outcome.result();
        System.out.println(result.summaryLine());
        for (PairResult pair : result.direct().pairs()) {
            System.out.println("[report] consistency " + name + " " + pair.pair().label() + ": " + pair.sent() + " sent, " + pair.lost() + " lost, "
                    + pair.duplicated() + " duplicated, " + pair.reordered() + " reordered, " + pair.late() + " late; live p50 "
                    + Format.millis(pair.latency().percentile(50)) + ", p99 " + Format.millis(pair.latency().percentile(99))
                    + ", max " + Format.millis(pair.latency().max()));
        }
        result.faults().forEach(fault -> System.out.println("[report] consistency " + name + ": fault " + fault.description()
                + " applied " + fault.applied().map(Format::seconds).orElse("never") + ", healed " + fault.healed().map(Format::seconds).orElse("never")));
        System.out.println(outcome.wholeAgain()
                .map(took -> "[report] consistency " + name + ": the lab was healthy again " + Format.seconds(took) + " after the run")
                .orElseGet(() -> "[report] consistency " + name + ": the lab was NOT healthy again within the deadline after the run (health: "
                        + HealthWait.now(lab.network()) + ")"));
        String remote = plan.domains().get(plan.domains().size() - 1);
        System.out.println("[report] consistency " + name + ": after the run the routing tables name " + lab.routeHolders(remote)
                + " as holding the route to " + remote);
        if (!outcome.lockLeaks().isEmpty()) {
            System.out.println("[report] consistency " + name + ": Hazelcast ran a lock operation twice, that lock stays held: " + outcome.lockLeaks());
        }
        double planned = plan.rate() * plan.duration().toSeconds();
        assertTrue(result.sent() >= SENT_SHARE * planned, "the workload sent " + result.sent() + " of " + (long) planned + " planned messages");
        // The history as the run wrote it, recounted by other code than the checker's (HistoryRecount, pairs included).
        History history = HistoryJson.read(REPORTS.resolve("consistency-" + result.scenario() + ".json"));
        assertEquals(Set.of(), HistoryRecount.receivedButNeverSent(history), "received, but no client sent them");
        assertEquals(Set.of(), HistoryRecount.sentTwice(history), "sent more than once");
        assertEquals(HistoryRecount.of(history), HistoryRecount.of(result), "the checker's counts against a recount of the history");
        return result;
    }
}
