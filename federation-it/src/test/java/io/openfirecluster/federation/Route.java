package io.openfirecluster.federation;

import io.openfirecluster.topology.Format;
import io.openfirecluster.control.OpenfireView;
import io.openfirecluster.control.Wait;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.Xmpp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.jivesoftware.smack.StanzaCollector;

/**
 * The home cluster's outgoing server-to-server route to the remote domain, observed from outside:
 * who holds it (Openfire's routing tables, through the lab plugin), whether a message from a
 * client on every home node arrives over it and a reply comes back, and the evidence for a
 * report when something does not (each node's view of its s2s sessions, Openfire's log lines
 * about s2s).
 */
final class Route {
    /** How long one message across domains may take, a new s2s connection (and its TLS) included. */
    static final Duration DELIVERY = Client.DELIVERY;
    /** How long a node may take to bind a client session after its cluster changed. */
    private static final Duration LOGIN = Duration.ofSeconds(60);
    /** Openfire's log lines about server-to-server routing worth quoting in a finding. */
    private static final Pattern S2S_LOG = Pattern.compile("(?i)(OutgoingSessionPromise|OutgoingServerSession|RoutingTableImpl|ServerRoute|S2S|"
            + "server-to-server|LocalServerRoutingTable|Routing Servers Cache|remote-server)");

    private final Lab lab;
    final Domains.Domain home;
    final Domains.Domain remote;

    Route(Lab lab) {
        this.lab = lab;
        Domains domains = Domains.of(lab);
        this.home = domains.home();
        this.remote = domains.remote();
    }

    /** The nodes holding the route home -> remote now, by Openfire's routing tables (more than one: held twice). */
    SortedSet<String> holders() {
        return lab.routeHolders(remote.name());
    }

    /** The holders, once some node holds the route (it is made on demand: send first). */
    SortedSet<String> awaitHolders() {
        return Wait.until("a node of " + home.name() + " holds the route to " + remote.name(), DELIVERY,
                () -> Optional.of(holders()).filter(set -> !set.isEmpty()), () -> "no holder");
    }

    /** A session of the remote domain's first user on its first node, logged in once its node binds sessions. */
    Client remoteUser() {
        return login(remote.user(0), remote, remote.nodes().get(0));
    }

    /** A session of the home domain's first user on NODE, logged in once NODE binds sessions. */
    Client homeUser(String node) {
        return login(home.user(0), home, node);
    }

    private Client login(String user, Domains.Domain domain, String node) {
        String[] last = {""};
        return Wait.until("a login of " + user + "@" + domain.name() + " on " + node, LOGIN, () -> {
            try {
                return Optional.of(Client.login(lab, user, domain, node));
            } catch (Exception e) {
                last[0] = e.toString();
                return Optional.empty();
            }
        }, () -> last[0]);
    }

    /** FROM sends TO a message; how long it took to arrive, or empty if it did not within {@link #DELIVERY}. */
    static Optional<Duration> deliver(Client from, Client to) throws Exception {
        StanzaCollector inbox = to.messagesFrom(from.jid());
        Instant sent = Instant.now();
        try {
            Xmpp.await(inbox, from.sendTo(to.jid()), DELIVERY);
            return Optional.of(Duration.between(sent, Instant.now()));
        } catch (AssertionError e) {
            return Optional.empty();
        }
    }

    /**
     * A message from a client on every home node to FAR, and one back from FAR to each: the
     * route and the incoming sessions Openfire lists carry messages. Per node: "xmpp1 0.1 s/0.2 s"
     * (there and back), "not within 30 s" where one did not arrive; FAILED collects those nodes.
     */
    Map<String, String> deliversOnEveryNode(Client far, List<String> failed) throws Exception {
        Map<String, String> result = new LinkedHashMap<>();
        for (String node : home.nodes()) {
            try (Client near = homeUser(node)) {
                Optional<Duration> there = deliver(near, far);
                Optional<Duration> back = deliver(far, near);
                if (there.isEmpty() || back.isEmpty()) {
                    failed.add(node);
                }
                result.put(node, there.map(Format::seconds).orElse("not within " + DELIVERY.toSeconds() + " s") + "/"
                        + back.map(Format::seconds).orElse("not within " + DELIVERY.toSeconds() + " s"));
            }
        }
        return result;
    }

    /**
     * The TCP connections each home node has open to the remote domain's s2s port (5269), as its
     * kernel lists them (ss in the node's address holder, which holds its network namespace):
     * Openfire's physical outgoing s2s connections, whether or not its routing table lists them.
     * Per node: the connections, each "ESTAB send-queue bytes -> peer".
     */
    Map<String, List<String>> remoteConnections() {
        List<String> peers = new ArrayList<>();
        for (String node : remote.nodes()) {
            peers.add(Lab.normalAddress(lab.topology().ipv4(node)));
            if (lab.topology().dualStack()) {
                peers.add(Lab.normalAddress(lab.topology().ipv6(node)));
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String node : home.nodes()) {
            io.openfirecluster.control.Containers.ExecResult ss = lab.network().containers().execAsRoot(lab.topology().holder(node),
                    Duration.ofSeconds(10), "sh", "-c", "ss -tnH state established '( dport = :5269 )'");
            List<String> connections = new ArrayList<>();
            for (String line : ss.output().lines().toList()) {
                String[] fields = line.trim().split("\\s+");
                // state filter given: Recv-Q Send-Q Local Peer
                if (fields.length >= 4) {
                    String peer = fields[3].substring(0, fields[3].lastIndexOf(':')).replace("[", "").replace("]", "");
                    if (peers.contains(Lab.normalAddress(peer))) {
                        connections.add("send-queue " + fields[1] + " B -> " + fields[3]);
                    }
                }
            }
            result.put(node, connections);
        }
        return result;
    }

    /** Evidence for a finding: each home node's own view of its s2s (routes, sessions, failed attempts) and its log lines about s2s since SINCE. */
    String evidence(Instant since) {
        List<String> parts = new ArrayList<>();
        for (String node : home.nodes()) {
            Optional<OpenfireView> view = lab.openfireView(node);
            parts.add(node + ": " + view.map(v -> "routes " + v.s2sOutgoing() + ", sessions " + v.s2sSessions().stream()
                    .map(s -> s.direction() + " " + s.remote()).toList() + ", failed " + v.s2sFailed()).orElse("plugin does not answer"));
            List<String> lines = lab.logLines(node).stream().filter(line -> S2S_LOG.matcher(line).find())
                    .filter(line -> !io.openfirecluster.control.DockerLog.timestamp(line).isBefore(since)).toList();
            if (!lines.isEmpty()) {
                parts.add(node + " log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size())));
            }
        }
        return String.join("; ", parts);
    }

    static void report(String line) {
        System.out.println("[report] " + line);
    }
}
