package io.openfirecluster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.control.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
        healAndAwaitWhole(membershipChanged, () -> lab.faults().heal(null));
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

    /** Whatever a test left, the next test gets the whole lab back. */
    static void healQuietly(Lab lab) {
        if (lab.faults().active().values().stream().anyMatch(faults -> !faults.isEmpty()) || !lab.hazelcastWhole()) {
            lab.faults().heal(null);
            Wait.until("the lab is whole again", Lab.CLUSTER_DEADLINE, lab::hazelcastWhole);
            lab.awaitClusterOf(lab.nodes(), Instant.EPOCH);
        }
    }

    static Duration settle() {
        return Duration.ofSeconds(60);
    }
}
