package io.openfirecluster.workload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.workload.scenario.ShapedLabs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadPlanTest {
    private static ResolvedTopology cluster;
    private static ResolvedTopology federation;

    @BeforeAll
    static void labs(@TempDir Path dir) throws IOException {
        ResolvedTopology.write(ShapedLabs.of("cluster"), dir.resolve("cluster.properties"));
        ResolvedTopology.write(ShapedLabs.of("federation"), dir.resolve("federation.properties"));
        cluster = ResolvedTopology.load(dir.resolve("cluster.properties"));
        federation = ResolvedTopology.load(dir.resolve("federation.properties"));
    }

    private static LoadPlan plan(ResolvedTopology lab, String... pairs) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(pairs[i], pairs[i + 1]);
        }
        return LoadPlan.from(properties, lab);
    }

    private static String refused(ResolvedTopology lab, String... pairs) {
        return assertThrows(IllegalArgumentException.class, () -> plan(lab, pairs)).getMessage();
    }

    @Test
    void theDefaultCurveSpreadsClientsOverTheBalancerAndEveryNode() {
        LoadPlan plan = plan(cluster);
        assertEquals(LoadPlan.Profile.CURVE, plan.profile());
        assertEquals(List.of("lb", "xmpp1", "xmpp2", "xmpp3"), plan.entries());
        assertEquals(1000, plan.clients());
        assertEquals(800.0, plan.rate(3));
        assertEquals(2, plan.refine());
        assertEquals(1, plan.first());
        assertEquals(Duration.ofSeconds(1), plan.limit());
    }

    @Test
    void besideTsungTheLabTakesTheUpperAccountsWhenThereAreEnough() {
        assertEquals(5001, plan(cluster, "lab.clients", "5000", "lab.load.tsung", "true", "lab.load.entries", "lb").first());
        assertEquals(1, plan(cluster, "lab.clients", "6000", "lab.load.tsung", "true", "lab.load.entries", "lb").first());
        assertEquals(9001, plan(cluster, "lab.clients", "1000", "lab.load.first", "9001").first());
        assertEquals("lab.load.first: 9002 + 1000 clients goes past the lab's 10000 load accounts: give 1 to 9001",
                refused(cluster, "lab.clients", "1000", "lab.load.first", "9002"));
    }

    @Test
    void aFailoverLogsItsClientsInThroughTheBalancerAndCrashesTheSecondNode() {
        LoadPlan plan = plan(cluster, "lab.load.profile", "crash");
        assertEquals(List.of("lb"), plan.entries());
        assertEquals("xmpp2", plan.node());
    }

    @Test
    void tsungBesideSendsBothToolsThroughOneEntryPoint() {
        assertEquals(List.of("lb"), plan(cluster, "lab.load.tsung", "true").entries());
        assertEquals("lab.load.entries: Tsung beside goes through one entry point, and so do the lab's clients then: give one, e.g. -Dlab.load.entries=lb",
                refused(cluster, "lab.load.tsung", "true", "lab.load.entries", "lb,xmpp1"));
        assertEquals("lab.load.tsung: Tsung runs beside the curve only: give -Dlab.load.profile=curve, or leave lab.load.tsung out",
                refused(cluster, "lab.load.tsung", "true", "lab.load.profile", "crash"));
    }

    @Test
    void aNegativeRateIsRefusedWithAValueThatWorks() {
        assertEquals("lab.load.rate: -5 is no rate: give messages per second, all clients together above 0, e.g. -Dlab.load.rate=100",
                refused(cluster, "lab.load.rate", "-5"));
        assertEquals("lab.load.login.rate: 0 is no rate: give logins per second above 0, e.g. -Dlab.load.login.rate=30",
                refused(cluster, "lab.load.login.rate", "0"));
    }

    @Test
    void theClientsGoThroughThePublishedPortsUnlessToldTheLabNetwork() {
        assertEquals(LoadPlan.Via.PORTS, plan(cluster).via());
        assertEquals(LoadPlan.Via.NETWORK, plan(cluster, "lab.load.via", "network").via());
        assertEquals("lab.load.via: 'proxy' is no way to the entry points: use ports (Docker's published ports) or network (the services' lab addresses)",
                refused(cluster, "lab.load.via", "proxy"));
    }

    @Test
    void onTheLabNetworkTheClientsReachEachEntryPointsOwnAddressAndPort() {
        List<String> endpoints = ClientsBenchmark.entries("lab.load.entries", List.of("lb", "xmpp2"), cluster, LoadPlan.Via.NETWORK).stream()
                .map(endpoint -> endpoint.host() + ":" + endpoint.port()).toList();
        assertEquals(List.of(cluster.ipv4("lb") + ":55222", cluster.ipv4("xmpp2") + ":5222"), endpoints);
        List<String> published = ClientsBenchmark.entries("lab.load.entries", List.of("lb", "xmpp2"), cluster, LoadPlan.Via.PORTS).stream()
                .map(endpoint -> endpoint.host() + ":" + endpoint.port()).toList();
        assertEquals(List.of(cluster.bind("lb") + ":" + cluster.hostPort("lb", 55222), cluster.bind("xmpp2") + ":" + cluster.hostPort("xmpp2", 5222)), published);
    }

    @Test
    void moreClientsThanSeededUsersAreRefused() {
        assertEquals("lab.clients: 10001 clients but the lab has 10000 load accounts (load1..load10000, db dataset users-10000): give at most 10000",
                refused(cluster, "lab.clients", "10001"));
    }

    @Test
    void anUnknownProfileIsRefused() {
        assertEquals("lab.load.profile: 'storm' is no load profile: use curve, crash or rolling", refused(cluster, "lab.load.profile", "storm"));
    }

    @Test
    void anEntryPointTheLabLacksIsRefused() {
        assertEquals("lab.load.entries: 'xmpp7' is not an entry point of this lab: use lb, xmpp1, xmpp2, xmpp3",
                refused(cluster, "lab.load.entries", "lb,xmpp7"));
    }

    @Test
    void aFailoverNeedsALoadBalancer() {
        assertEquals("lab.load.profile=crash: the clients of a node that goes log in again through the load balancer, and this lab has none: use the cluster shape",
                refused(federation, "lab.load.profile", "crash"));
    }

    @Test
    void aFactorThatDoesNotRaiseTheRateAndABadDurationAreRefused() {
        assertEquals("lab.load.factor: 1 does not raise the rate: give a factor above 1, e.g. 2", refused(cluster, "lab.load.factor", "1"));
        assertEquals("lab.load.refine: -1 steps: the knee is narrowed down in 0 to 6 steps after the curve, e.g. 2", refused(cluster, "lab.load.refine", "-1"));
        assertEquals("lab.load.step: 'soon' is not a duration: give e.g. -Dlab.load.step=30s", refused(cluster, "lab.load.step", "soon"));
    }
}
