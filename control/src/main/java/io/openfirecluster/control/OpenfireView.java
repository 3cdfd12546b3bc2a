package io.openfirecluster.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openfirecluster.labplugin.LabPlugin;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Openfire on one node says of itself, from the lab's plugin in the node (openfirelab,
 * {@code /view} on port 9095, asked in the node on loopback): its cluster by node name, its client
 * sessions, its server-to-server sessions and outgoing server routes (with the node holding each;
 * the sessions it holds with their TLS, peer certificate and authentication),
 * the routing caches' sizes, and whether it is ready: the lab's one definition, decided by the
 * plugin for the expected nodes (in a cluster of exactly them, by Openfire's own view, and taking
 * client connections). The image's health check asks the same plugin ({@code /ready}).
 */
public record OpenfireView(String node, boolean clustered, boolean senior, SortedSet<String> members, Instant lastChange,
                           List<String> c2sUsers, List<IncomingServers> s2sIncoming, List<ServerRoute> s2sOutgoing,
                           List<ServerSession> s2sSessions, List<FailedServer> s2sFailed, Map<String, Integer> caches, boolean ready, String readiness) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ASK = Duration.ofSeconds(5);

    /** Incoming server-to-server sessions from DOMAIN: how many in the cluster, how many on this node. */
    public record IncomingServers(String domain, int sessions, int here) {
    }

    /** An outgoing server route of the routing table, LOCAL domain to REMOTE domain, held by NODE (empty if unknown). */
    public record ServerRoute(String local, String remote, String node) {
    }

    /**
     * A server-to-server session this node holds, as Openfire's session object says: DIRECTION
     * "incoming" or "outgoing", the LOCAL domain(s) and REMOTE domains it serves, whether it is
     * ENCRYPTED (TLS) with which protocol and cipher suite, how the peer was AUTHENTICATED
     * (SASL_EXTERNAL, DIALBACK, OTHER) and the subject and issuer of the certificate the peer
     * presented; "" where Openfire has none (not yet authenticated, no TLS, no peer certificate).
     */
    public record ServerSession(String direction, String local, List<String> remote, boolean encrypted, String tlsProtocol,
                                String cipherSuite, String authentication, String peerSubject, String peerIssuer) {
        public boolean incoming() {
            return direction.equals("incoming");
        }

        /** One line: "outgoing xmpp1.localhost.example -> [xmpp2.localhost.example]: TLSv1.3, SASL_EXTERNAL, peer CN=... issued by CN=...". */
        @Override
        public String toString() {
            return direction + " " + local + (incoming() ? " <- " : " -> ") + remote + ": "
                    + (encrypted ? tlsProtocol + " " + cipherSuite : "not encrypted") + ", " + (authentication.isEmpty() ? "not authenticated" : authentication)
                    + (peerSubject.isEmpty() ? ", no peer certificate" : ", peer " + peerSubject + " issued by " + peerIssuer);
        }
    }

    /**
     * A remote domain whose latest outgoing connection attempt from LOCAL failed, as Openfire
     * diagnosed it: WHEN, the ERROR_TYPE (an exception's class) and ERROR_MESSAGE, and the LOG lines
     * of that attempt.
     */
    public record FailedServer(String local, String remote, String when, String errorType, String errorMessage, List<String> log) {
        @Override
        public String toString() {
            return local + " -> " + remote + " failed at " + when + ": " + errorType + ": " + errorMessage;
        }
    }

    /** Client sessions (bound c2s routes) on this node. */
    public int c2sSessions() {
        return c2sUsers.size();
    }

    /**
     * The view of Openfire in CONTAINER, ready meaning "in a cluster of exactly EXPECTED" (no
     * names: as many nodes as the node's LAB_NODES); empty while the plugin does not answer
     * (Openfire starting, the container stopped or paused).
     */
    public static Optional<OpenfireView> read(LabNetwork lab, String container, List<String> expected) {
        try {
            Containers.ExecResult answer = lab.containers().exec(container, ASK, "/opt/openfire-lab/local-http",
                    String.valueOf(LabPlugin.PORT), LabPlugin.ask(LabPlugin.VIEW, expected));
            return answer.exitCode() == 0 ? Optional.of(parse(answer.output())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // not running (stopped, paused, crashed): it says nothing
        }
    }

    /** The plugin's JSON answer; fails (IllegalArgumentException) on anything else. */
    public static OpenfireView parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not the lab plugin's view: " + e.getMessage(), e);
        }
        if (root == null || !root.has("cluster") || !root.has("ready")) {
            throw new IllegalArgumentException("not the lab plugin's view: " + json);
        }
        JsonNode cluster = root.path("cluster");
        SortedSet<String> members = new TreeSet<>();
        cluster.path("members").forEach(member -> members.add(member.asText()));
        List<String> users = new ArrayList<>();
        root.path("c2s").path("users").forEach(user -> users.add(user.asText()));
        List<IncomingServers> incoming = new ArrayList<>();
        root.path("s2s").path("incoming").forEach(in -> incoming.add(
                new IncomingServers(in.path("domain").asText(), in.path("sessions").asInt(), in.path("here").asInt())));
        List<ServerRoute> outgoing = new ArrayList<>();
        root.path("s2s").path("outgoing").forEach(out -> outgoing.add(
                new ServerRoute(out.path("local").asText(), out.path("remote").asText(), out.path("node").asText(""))));
        List<ServerSession> sessions = new ArrayList<>();
        root.path("s2s").path("sessions").forEach(session -> {
            List<String> remote = new ArrayList<>();
            session.path("remote").forEach(domain -> remote.add(domain.asText()));
            sessions.add(new ServerSession(session.path("direction").asText(), session.path("local").asText(), List.copyOf(remote),
                    session.path("encrypted").asBoolean(), text(session, "tlsProtocol"), text(session, "cipherSuite"),
                    text(session, "authentication"), text(session, "peerSubject"), text(session, "peerIssuer")));
        });
        List<FailedServer> failed = new ArrayList<>();
        root.path("s2s").path("failed").forEach(attempt -> {
            List<String> log = new ArrayList<>();
            attempt.path("log").forEach(line -> log.add(line.asText()));
            failed.add(new FailedServer(text(attempt, "local"), text(attempt, "remote"), text(attempt, "when"), text(attempt, "errorType"),
                    text(attempt, "errorMessage"), List.copyOf(log)));
        });
        Map<String, Integer> caches = new TreeMap<>();
        root.path("caches").fields().forEachRemaining(cache -> caches.put(cache.getKey(), cache.getValue().asInt()));
        return new OpenfireView(root.path("node").asText(), cluster.path("started").asBoolean(), cluster.path("senior").asBoolean(),
                members, Instant.parse(cluster.path("lastChange").asText()), List.copyOf(users), List.copyOf(incoming),
                List.copyOf(outgoing), List.copyOf(sessions), List.copyOf(failed), caches, root.path("ready").path("ok").asBoolean(), root.path("ready").path("reason").asText());
    }

    /** FIELD of NODE as text, "" when it is missing or JSON null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** One line for waits and reports: "xmpp1,xmpp2,xmpp3 (senior), ready" or the reason it is not. */
    @Override
    public String toString() {
        return "openfire " + String.join(",", members) + (senior ? " (senior)" : "") + (ready ? ", ready" : ": " + readiness);
    }
}
