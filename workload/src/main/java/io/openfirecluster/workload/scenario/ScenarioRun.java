package io.openfirecluster.workload.scenario;

import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.Format;
import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.ConsistencyChecker;
import io.openfirecluster.workload.Credentials;
import io.openfirecluster.workload.Endpoint;
import io.openfirecluster.checker.History;
import io.openfirecluster.workload.HistoryRecorder;
import io.openfirecluster.workload.LabClients;
import io.openfirecluster.report.ReportWriter;
import io.openfirecluster.workload.Workload;
import io.openfirecluster.workload.WorkloadPlan;
import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import io.openfirecluster.control.RouteHolders;
import io.openfirecluster.control.Wait;
import io.openfirecluster.control.HazelcastLockLeaks;
import io.openfirecluster.control.HealthWait;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;
import io.openfirecluster.topology.XmppDomain;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * One consistency run against a running lab (Jepsen's loop): the workload sends and records, the
 * scenario's fault is applied at a quarter of the duration and healed at half, the clients drain
 * (reconnect, fetch what was held for them) with a deadline, the lab is waited for until it is
 * healthy again, and the history is checked by plain code and written as reports.
 */
public final class ScenarioRun {
    /** How long outstanding messages may take to arrive after the sends end. */
    public static final Duration DRAIN = Duration.ofSeconds(45);
    /** How long the lab may take to be whole again after the run (a crashed node boots again). */
    private static final Duration WHOLE_AGAIN = Duration.ofSeconds(180);
    /** How long a route scenario waits for a node to hold the route when its fault is due. */
    private static final Duration ROUTE_DEADLINE = Duration.ofSeconds(15);

    private ScenarioRun() {
    }

    /**
     * The lab's client entry points: every node's c2s port and the load balancer's, on the bind
     * address, each with the domain it serves (in a one-domain lab, the lab's own).
     */
    public static List<Endpoint> entryPoints(Topology topology) {
        List<Endpoint> entries = new ArrayList<>();
        for (LabService service : topology.services()) {
            int container = service.c2sPort().orElse(-1);
            String domain = service.getDomain().isEmpty() ? LabClients.DOMAIN : service.getDomain();
            service.getPorts().stream().filter(port -> port.containerPort() == container).findFirst()
                    .ifPresent(port -> entries.add(new Endpoint(service.getName(), topology.bind(service), port.hostPort(), domain)));
        }
        return entries;
    }

    /** The lab's room the workload talks in unless told otherwise. */
    public static final String DEFAULT_ROOM = "muc1";

    /**
     * A plan over every entry point of the lab, every domain's (a lab of more domains has clients
     * of each, messaging each other across domains), for each domain's users as its topology has
     * them (user1 and user2 of the seed), in ROOM (a room name of the cluster's conference
     * service, which every client enters, other domains' too; blank for no room traffic); the
     * strings as a Maven goal passes them.
     */
    public static WorkloadPlan plan(Topology topology, String clients, String duration, String rate, String room) {
        String home = Scenario.homeDomain(topology);
        String jid = room == null || room.isBlank() ? "" : room.strip() + "@conference." + home;
        List<Credentials> accounts = new ArrayList<>();
        for (XmppDomain domain : XmppDomain.of(topology, LabClients.DOMAIN)) {
            accounts.addAll(Credentials.ofDomain(domain.name(), LabClients.PASSWORD, domain.users()));
        }
        return WorkloadPlan.parse(clients, duration, rate, jid, entryPoints(topology), accounts);
    }

    /**
     * What a run found: the checked history, and what the nodes said after it: how long Openfire
     * took to be whole (ready) again, empty if it was not within the deadline, and the locks
     * Hazelcast ran twice during the run (each stays held until the nodes restart).
     */
    public record Outcome(CheckResult result, Optional<Duration> wholeAgain, Set<String> lockLeaks, ReportWriter.ReportFiles reports) {
    }

    public static Outcome run(LabNetwork lab, Scenario scenario, WorkloadPlan plan, Path reports, Consumer<String> log)
            throws InterruptedException, java.io.IOException {
        // A run on a lab that is still booting or merging measures that, not the scenario.
        Duration ready = HealthWait.await(lab, WHOLE_AGAIN, log);
        log.accept("the lab is healthy (waited " + Format.seconds(ready) + "); starting the workload");
        Faults faults = new Faults(lab);
        HistoryRecorder recorder = new HistoryRecorder();
        History history;
        Instant begin = Instant.now();
        try (Workload workload = new Workload(plan, entry -> LabClients.c2s(entry.domain(), "user1", entry.host(), entry.port()), recorder, log)) {
            workload.start();
            Instant start = Instant.now();
            if (scenario.hasFault()) {
                sleepUntil(start.plus(plan.duration().dividedBy(4)));
                // The route's holder as Openfire's routing table names it now, not when the run began.
                String node = scenario.aimsAtRoute() ? holder(lab, scenario.target(), log) : scenario.target();
                Fault fault = scenario.faultOn(node);
                String description = scenario.describe(node);
                faults.apply(fault);
                workload.recordFault(description, true); // and logs it
                sleepUntil(start.plus(plan.duration().dividedBy(2)));
                faults.heal(fault);
                workload.recordFault(description, false);
            }
            workload.awaitSendsEnd();
            int outstanding = workload.drain(DRAIN);
            log.accept("sends ended; " + outstanding + " message(s) still outstanding after the drain");
            history = workload.history();
        } finally {
            if (scenario.hasFault()) {
                faults.heal(); // whatever the run left, the lab is whole for what comes next
            }
        }
        // Whether Openfire is whole again after the run is a finding, not a condition of the run:
        // after an isolation under traffic it sometimes is not (docs/findings.md), and the history
        // of what users lost is the point of the run either way.
        Optional<Duration> wholeAgain;
        try {
            wholeAgain = Optional.of(HealthWait.await(lab, WHOLE_AGAIN, log));
            log.accept("the lab was healthy again " + Format.seconds(wholeAgain.get()) + " after the run");
        } catch (LabException notWhole) {
            wholeAgain = Optional.empty();
            log.accept("the lab was not healthy again after the run: " + notWhole.getMessage());
        }
        // The nodes' side of what got lost: a lock Hazelcast ran twice while members changed stays
        // held (Openfire's cluster locks have no lease), and whatever needs it waits for good.
        Set<String> leaks = HazelcastLockLeaks.onNodes(lab, begin);
        if (!leaks.isEmpty()) {
            log.accept("Hazelcast ran a lock operation twice during the run; that lock stays held until the nodes restart: " + leaks);
        }
        CheckResult result = new ConsistencyChecker(speed -> log.accept(speed.line())).check(scenario.name(), history);
        return new Outcome(result, wholeAgain, leaks, ReportWriter.write(result, history, reports));
    }

    /**
     * The node that holds the route TARGET ("route:DOMAIN") names. The workload has sent across
     * domains for a quarter of the run, so the route is normally there; if no node holds it yet
     * (it is made on demand), wait a little for the routing table to name one.
     */
    private static String holder(LabNetwork lab, String target, Consumer<String> log) {
        String remote = target.substring(RouteHolders.PREFIX.length());
        SortedSet<String> holders = Wait.until("a node of the cluster holds the outgoing route to " + remote, ROUTE_DEADLINE,
                Duration.ofSeconds(1), () -> Optional.of(RouteHolders.of(lab, remote)).filter(set -> !set.isEmpty()),
                () -> "the routing tables name no holder");
        // Held twice is a finding of its own (the report's fault names the first); the log keeps both.
        log.accept("the routing tables name " + holders + " as holding the outgoing route to " + remote + " now");
        return holders.first();
    }

    /** The scenario's timeline: the fault is applied and healed at fixed points of the run, not when something happens. */
    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
