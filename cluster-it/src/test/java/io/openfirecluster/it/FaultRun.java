package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.control.HazelcastLockLeaks;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import io.openfirecluster.control.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One fault on the running lab, timed from outside (the report's line per fault): how long it took
 * to apply, when a peer first noticed, and after heal when Hazelcast had merged and Openfire was
 * one cluster again. The fault itself is lab-control's, the same code as the lab:... goals.
 */
final class FaultRun {
    /** The lab's test users (the database seed), who must be able to log in on every node between tests. */
    private static final List<String> USERS = List.of("user1", "user2");
    /** Right after membership changes a node may need a few seconds before it binds sessions again. */
    private static final Duration LOGIN_PROBE = Duration.ofSeconds(20);
    /** Where the last {@link #wholeAndUsable} read the logs up to. */
    private static Instant checkedUntil = Instant.EPOCH;
    /** A Hazelcast heartbeat suspicion in a container log line (Docker's timestamp first). */
    private static final Pattern SUSPECTING = Pattern.compile("^(\\S+) .*ClusterHeartbeatManager .*Suspecting Member \\[([^\\]]+)\\]");

    private final Lab lab;
    private final String name;
    private final Instant start;
    private final long appliedMillis;
    private String noticed = "-";
    /** Whether the peers still listed each other when they had dropped the faulty node ("-": not asked). */
    private String peersTogether = "-";
    /** The nodes that should have kept each other while the fault lasted (empty: not asked). */
    private List<String> peers = List.of();

    private FaultRun(Lab lab, String name, Instant start, long appliedMillis) {
        this.lab = lab;
        this.name = name;
        this.start = start;
        this.appliedMillis = appliedMillis;
    }

    static FaultRun apply(Lab lab, String name, Runnable fault) {
        Instant start = Instant.now();
        long begin = System.nanoTime();
        fault.run();
        return new FaultRun(lab, name, start, (System.nanoTime() - begin) / 1_000_000);
    }

    /** Waits until the cluster shows the fault (CONDITION, as WHAT); the first such time goes to the report. */
    FaultRun noticedWhen(String what, BooleanSupplier condition) {
        Wait.until(name + ": " + what, Lab.CLUSTER_DEADLINE, condition);
        if (noticed.equals("-")) {
            noticed = Lab.seconds(start, Instant.now());
        }
        return this;
    }

    /** Waits until every node but GONE is a cluster of its own, without GONE (its peers dropped it). */
    FaultRun noticedWhenPeersDrop(String gone) {
        peers = Nodes.allBut(gone);
        return noticedWhen(peers + " are a cluster of " + peers.size() + " without " + gone, () -> lab.hazelcastClusterOf(peers));
    }

    /**
     * Waits until every peer of GONE answers and no longer lists it among its Hazelcast members.
     * Weaker than {@link #noticedWhenPeersDrop}: while two cores' worth of peers drop a frozen
     * node they sometimes suspect each other too (seen once here: with xmpp3 paused, xmpp1 and
     * xmpp2 dropped it, then each other, and flapped for two minutes). Whether the peers still
     * listed each other at that moment goes to the report.
     */
    FaultRun noticedWhenNoPeerLists(String gone) {
        peers = Nodes.allBut(gone);
        String address = lab.memberAddress(gone);
        noticedWhen("no peer of " + gone + " lists it", () -> peers.stream().allMatch(n -> {
            Set<String> members = lab.memberAddresses(n);
            return !members.isEmpty() && !members.contains(address);
        }));
        peersTogether = peersListEachOther(peers);
        return this;
    }

    /**
     * "yes" when every one of PEERS lists exactly PEERS as its Hazelcast members, else what each
     * lists. Membership only: Hazelcast's health is not "cluster safe" for a moment after a member
     * leaves (backups are being made again), which is not a membership change.
     */
    private String peersListEachOther(List<String> peers) {
        Set<String> expected = new TreeSet<>(peers.stream().map(lab::memberAddress).toList());
        Map<String, Set<String>> listed = new TreeMap<>();
        peers.forEach(peer -> listed.put(peer, lab.memberAddresses(peer)));
        return listed.values().stream().allMatch(expected::equals) ? "yes" : "no, they list " + listed;
    }

    /** The fault shows in lab:status: each of NODES has exactly FAULT among its active faults. */
    void assertActiveOn(List<String> nodes, String fault) {
        Map<String, List<String>> active = lab.faults().active();
        for (String node : nodes) {
            assertTrue(active.get(node).contains(fault), node + " should show '" + fault + "': " + active);
        }
    }

    /**
     * Heals everything, waits until Hazelcast has all nodes again and Openfire is one cluster (a
     * membership change after the heal, if MEMBERSHIP_CHANGED), checks lab:status shows no fault,
     * and adds the fault's report line.
     */
    void healAndAwaitWhole(boolean membershipChanged) {
        healAndAwaitWhole(membershipChanged, () -> lab.faults().heal());
    }

    /** As {@link #healAndAwaitWhole(boolean)}, healed by HEAL (e.g. lab:resume, lab:start) instead of lab:heal. */
    void healAndAwaitWhole(boolean membershipChanged, Runnable heal) {
        String suspicions = peers.isEmpty() ? "" : "; its peers suspected each other " + peerSuspicions() + " times";
        Instant healed = Instant.now();
        long begin = System.nanoTime();
        heal.run();
        long healMillis = (System.nanoTime() - begin) / 1_000_000;
        Wait.until(name + ": Hazelcast has every node again after heal", Lab.CLUSTER_DEADLINE, lab::hazelcastWhole);
        String merged = Lab.seconds(healed, Instant.now());
        lab.awaitClusterOf(lab.nodes(), membershipChanged ? healed : Instant.EPOCH);
        String whole = Lab.seconds(healed, Instant.now());
        lab.faults().active().forEach((service, faults) -> assertEquals(List.of(), faults, service + " still shows faults after heal"));
        Report.add(String.format("fault %s: applied in %d ms, first noticed by a peer after %s%s%s; healed in %d ms, Hazelcast merged after %s,"
                + " Openfire cluster whole after %s", name, appliedMillis, noticed,
                peersTogether.equals("-") ? "" : " (peers still list each other: " + peersTogether + ")", suspicions, healMillis, merged, whole));
    }

    /**
     * How many times, since the fault began, one of the peers logged that Hazelcast suspected
     * another peer (its heartbeats stopped): a membership change this fault should not cause.
     */
    private long peerSuspicions() {
        Set<String> addresses = peers.stream().map(lab::memberAddress).collect(Collectors.toSet());
        return peers.stream().flatMap(peer -> lab.logLines(peer).stream()).filter(line -> {
            Matcher suspected = SUSPECTING.matcher(line);
            return suspected.find() && !Instant.parse(suspected.group(1)).isBefore(start)
                    && addresses.contains(Lab.normalAddress(suspected.group(2)));
        }).count();
    }

    /**
     * Whatever a fault test left, the next test gets the lab back whole and usable: every fault
     * healed, one cluster, and none of the damage Openfire can keep after its cluster is whole
     * again. Seen here after a one-way link: Hazelcast ran one lock operation twice while the
     * members changed, so the lock stayed held (Openfire's cluster locks have no lease) and every
     * later login of user2 hung, on every node, for good. Damage (a lock operation run twice in
     * the logs since the last check, or a test user who cannot log in on a node) goes to the
     * report with thread dumps of every node, and the nodes are restarted: the next test measures
     * its own fault, not an earlier one's. AFTER names the test for the report.
     */
    static void wholeAndUsable(Lab lab, String after) {
        if (lab.faults().active().values().stream().anyMatch(faults -> !faults.isEmpty()) || !lab.hazelcastWhole()) {
            lab.faults().heal();
            Wait.until("the lab is whole again", Lab.CLUSTER_DEADLINE, lab::hazelcastWhole);
            lab.awaitClusterOf(lab.nodes(), Instant.EPOCH);
        }
        Instant since = checkedUntil;
        checkedUntil = Instant.now();
        List<String> damage = new ArrayList<>();
        HazelcastLockLeaks.onNodes(lab.network(), since).forEach(where -> damage.add("Hazelcast ran a lock operation twice (" + where + ")"));
        damage.addAll(failedLogins(lab.nodes()));
        if (!damage.isEmpty()) {
            List<String> dumped = lab.threadDumps(Duration.ofSeconds(20));
            String restarted = lab.restartNodes();
            checkedUntil = Instant.now();
            Report.add("after " + after + ": Openfire kept damage once its cluster was whole again: " + damage + "; thread dumps of "
                    + dumped + " are in their logs; every node was restarted, one cluster again after " + restarted);
        }
    }

    /**
     * Every test user logs in on every one of NODES, all at once: a damaged node makes each of its
     * logins wait out LOGIN_PROBE, and one after the other that was minutes. What did not work, in
     * the order of USERS and NODES.
     */
    private static List<String> failedLogins(List<String> nodes) {
        ExecutorService probes = Executors.newFixedThreadPool(USERS.size() * nodes.size());
        try {
            List<Future<Optional<String>>> outcomes = new ArrayList<>();
            for (String user : USERS) {
                for (String node : nodes) {
                    outcomes.add(probes.submit(() -> {
                        try (Xmpp session = Xmpp.loginWithin(LOGIN_PROBE, user, node)) {
                            return Optional.<String>empty(); // logged in and bound: this user works on this node
                        } catch (Exception e) {
                            return Optional.of(user + " could not log in on " + node + " within " + LOGIN_PROBE.toSeconds() + " s (" + e.getMessage() + ")");
                        }
                    }));
                }
            }
            List<String> failed = new ArrayList<>();
            for (Future<Optional<String>> outcome : outcomes) {
                outcome.get().ifPresent(failed::add);
            }
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while test users logged in", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a login probe failed: " + e.getCause(), e.getCause());
        } finally {
            probes.shutdownNow();
        }
    }

    static Duration settle() {
        return Duration.ofSeconds(60);
    }
}
