package io.openfirecluster.checker.scenario;

import io.openfirecluster.control.Format;
import io.openfirecluster.checker.CheckResult;
import io.openfirecluster.checker.ConsistencyChecker;
import io.openfirecluster.checker.Credentials;
import io.openfirecluster.checker.Endpoint;
import io.openfirecluster.checker.History;
import io.openfirecluster.checker.HistoryRecorder;
import io.openfirecluster.checker.LabClients;
import io.openfirecluster.checker.ReportWriter;
import io.openfirecluster.checker.Workload;
import io.openfirecluster.checker.WorkloadPlan;
import io.openfirecluster.control.Faults;
import io.openfirecluster.control.HazelcastLockLeaks;
import io.openfirecluster.control.HealthWait;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    private ScenarioRun() {
    }

    /** The lab's client entry points: every node's c2s port and the load balancer's, on the bind address. */
    public static List<Endpoint> entryPoints(Topology topology) {
        List<Endpoint> entries = new ArrayList<>();
        for (LabService service : topology.services()) {
            int container = service.isNode() ? 5222 : service.getName().equals("lb") ? 55222 : -1;
            service.getPorts().stream().filter(port -> port.containerPort() == container).findFirst()
                    .ifPresent(port -> entries.add(new Endpoint(service.getName(), topology.bind(), port.hostPort())));
        }
        return entries;
    }

    /** The lab's room the workload talks in unless told otherwise. */
    public static final String DEFAULT_ROOM = "muc1";

    /**
     * A plan over every entry point of the lab, for the users user1 and user2, in ROOM (a room
     * name of the lab's conference service, blank for no room traffic); the strings as a Maven
     * goal passes them.
     */
    public static WorkloadPlan plan(Topology topology, String clients, String duration, String rate, String room) {
        String jid = room == null || room.isBlank() ? "" : room.strip() + "@conference." + LabClients.DOMAIN;
        return WorkloadPlan.parse(clients, duration, rate, jid, entryPoints(topology),
                Credentials.of(LabClients.PASSWORD, "user1", "user2"));
    }

    public static CheckResult run(LabNetwork lab, Scenario scenario, WorkloadPlan plan, Path reports, Consumer<String> log)
            throws InterruptedException, java.io.IOException {
        // A run on a lab that is still booting or merging measures that, not the scenario.
        Duration ready = HealthWait.await(lab, WHOLE_AGAIN, log);
        log.accept("the lab is healthy (waited " + Format.seconds(ready) + "); starting the workload");
        Faults faults = new Faults(lab);
        HistoryRecorder recorder = new HistoryRecorder();
        History history;
        Instant begin = Instant.now();
        try (Workload workload = new Workload(plan, entry -> LabClients.c2s("user1", entry.host(), entry.port()), recorder, log)) {
            workload.start();
            Instant start = Instant.now();
            if (scenario.hasFault()) {
                sleepUntil(start.plus(plan.duration().dividedBy(4)));
                faults.apply(scenario.fault());
                workload.recordFault(scenario.name(), true);
                log.accept("applied " + scenario.name());
                sleepUntil(start.plus(plan.duration().dividedBy(2)));
                faults.heal(scenario.fault());
                workload.recordFault(scenario.name(), false);
                log.accept("healed " + scenario.name());
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
        Duration whole = HealthWait.await(lab, WHOLE_AGAIN, log);
        log.accept("the lab was healthy again " + Format.seconds(whole) + " after the run");
        // The nodes' side of what got lost: a lock Hazelcast ran twice while members changed stays
        // held (Openfire's cluster locks have no lease), and whatever needs it waits for good.
        Set<String> leaks = HazelcastLockLeaks.onNodes(lab, begin);
        if (!leaks.isEmpty()) {
            log.accept("Hazelcast ran a lock operation twice during the run; that lock stays held until the nodes restart: " + leaks);
        }
        CheckResult result = new ConsistencyChecker().check(scenario.name(), history);
        ReportWriter.write(result, history, reports);
        return result;
    }

    /** The scenario's timeline: the fault is applied and healed at fixed points of the run, not when something happens. */
    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
