package io.openfirecluster.it;

import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load balancer spreads c2s sessions over all nodes. */
class LoadBalancingIT {
    /** Ten sessions a node: round robin gives each node some. */
    private static final int SESSIONS_PER_NODE = 10;

    @Test
    void loginsThroughTheLoadBalancerLandOnEveryNode() throws Exception {
        Lab lab = Lab.get();
        int sessionCount = SESSIONS_PER_NODE * lab.nodes().size();
        Map<String, Integer> before = c2sConnectionsPerNode(lab);
        List<Xmpp> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < sessionCount; i++) {
                sessions.add(Xmpp.login(i % 2 == 0 ? "user1" : "user2", "lb"));
            }
            // Which node holds each session, observed at the nodes: their established c2s connections.
            Map<String, Integer> added = new LinkedHashMap<>();
            c2sConnectionsPerNode(lab).forEach((node, count) -> added.put(node, count - before.get(node)));
            Report.add(sessionCount + " c2s logins through the load balancer, per node: " + added);
            assertEquals(sessionCount, added.values().stream().mapToInt(Integer::intValue).sum(), "sessions per node " + added);
            added.forEach((node, count) -> assertTrue(count > 0, node + " got none of the sessions: " + added));
        } finally {
            sessions.forEach(Xmpp::close);
        }
    }

    /** Established TCP connections to port 5222 in each node's network namespace (read in its holder). */
    private static Map<String, Integer> c2sConnectionsPerNode(Lab lab) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String node : lab.nodes()) {
            String table = lab.network().containers().exec(lab.topology().holder(node), Duration.ofSeconds(10),
                    "cat", "/proc/net/tcp", "/proc/net/tcp6").output();
            // Columns: sl local_address rem_address st ...; 1466 is port 5222 in hex, 01 is ESTABLISHED.
            counts.put(node, (int) table.lines().map(String::trim).map(line -> line.split("\\s+"))
                    .filter(cols -> cols.length > 3 && cols[1].endsWith(":1466") && cols[3].equals("01")).count());
        }
        return counts;
    }
}
