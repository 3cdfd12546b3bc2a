package io.openfirecluster.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.control.Fault;
import io.openfirecluster.topology.Format;
import io.openfirecluster.control.Wait;
import io.openfirecluster.testsupport.Lab;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The remote domain's servers crash and start again while the cluster holds a route to it: the
 * cluster's old server-to-server sessions are gone, and it must make them anew and deliver.
 */
class RemoteDomainRestartIT {
    /** From the remote domain being ready again, how long until a message from every cluster node has arrived. */
    private static final Duration REDELIVERY = Duration.ofSeconds(60);
    private static final Duration PERIOD = Duration.ofMillis(250);

    @Test
    void theClusterDeliversToTheRemoteDomainAgainAfterItRestarts() throws Exception {
        Lab lab = Lab.get();
        Route route = new Route(lab);
        try (Client far = route.remoteUser(); Client near = route.homeUser(route.home.nodes().get(0))) {
            assertTrue(Route.deliver(near, far).isPresent(), "a message from " + near.node + " to " + far.jid() + " before the restart");
        }
        SortedSet<String> before = route.awaitHolders();
        Instant crashed = Instant.now();
        route.remote.nodes().forEach(node -> lab.faults().apply(new Fault.Crash(node)));
        route.remote.nodes().forEach(node -> lab.faults().start(node));
        lab.awaitReady();
        Instant ready = Instant.now();
        List<Client> senders = new ArrayList<>();
        try (Client far = route.remoteUser()) {
            for (String node : route.home.nodes()) {
                senders.add(route.homeUser(node));
            }
            Instant sending = Instant.now();
            Duration delivered;
            String tally;
            try (CrossDomainTraffic traffic = CrossDomainTraffic.start(far, senders, PERIOD)) {
                delivered = Wait.until("a message from every node of " + route.home.name() + " reaches the restarted " + route.remote.name(), REDELIVERY,
                        Duration.ofMillis(100), () -> {
                            List<Instant> firsts = route.home.nodes().stream().map(node -> traffic.firstArrival(node, sending)).flatMap(Optional::stream).toList();
                            return firsts.size() < route.home.nodes().size() ? Optional.empty()
                                    : Optional.of(Duration.between(sending, firsts.stream().max(Instant::compareTo).orElseThrow()));
                        }, () -> "");
                traffic.stop();
                Wait.until("what was sent is delivered or bounced", Route.DELIVERY, () -> traffic.settled(sending));
                tally = traffic.tally(sending, Instant.now());
            } finally {
                senders.forEach(Client::close);
            }
            SortedSet<String> after = route.holders();
            List<String> undelivered = new ArrayList<>();
            Map<String, String> everyNode = route.deliversOnEveryNode(far, undelivered);
            Route.report("route remote restart (" + String.join(",", route.remote.nodes()) + " crashed and started; route held by " + String.join(",", before)
                    + " before): " + route.remote.name() + " ready " + Lab.seconds(crashed, ready) + " after the crash; a message from every cluster node arrived "
                    + Format.seconds(delivered) + " after sending began; route then held by " + (after.isEmpty() ? "none" : String.join(",", after))
                    + "; messages: " + tally + "; there and back from every node: " + everyNode);
            assertEquals(1, after.size(), "after the remote domain restarted, the route is held by " + after);
            assertEquals(List.of(), undelivered, "after the remote domain restarted, messages did not cross from or back to these nodes");
        }
    }

    @AfterEach
    void healedAndReady() {
        Lab.get().healAndAwaitReady();
    }
}
