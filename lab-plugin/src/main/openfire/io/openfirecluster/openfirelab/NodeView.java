package io.openfirecluster.openfirelab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.cluster.ClusterManager;
import org.jivesoftware.openfire.cluster.ClusterNodeInfo;
import org.jivesoftware.openfire.cluster.NodeID;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.DomainPair;
import org.jivesoftware.openfire.session.IncomingServerSession;
import org.jivesoftware.openfire.session.LocalIncomingServerSession;
import org.jivesoftware.openfire.session.LocalOutgoingServerSession;
import org.jivesoftware.openfire.session.LocalSession;
import org.jivesoftware.openfire.session.OutgoingServerSession;
import org.jivesoftware.openfire.session.ServerSession;
import org.jivesoftware.openfire.StreamID;
import org.jivesoftware.openfire.server.OutgoingSessionPromise;
import org.jivesoftware.openfire.spi.RoutingTableImpl;
import org.jivesoftware.util.cache.Cache;
import org.jivesoftware.util.cache.CacheFactory;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * What Openfire on this node says now, read from Openfire's own API: its cluster (ClusterManager:
 * started, senior, the members by node name), its client sessions (the routing table's local
 * client routes), its server-to-server sessions (incoming by remote domain; the routing table's
 * outgoing server routes, each with the node that holds it; the sessions this node holds, with
 * their TLS, peer certificate and authentication; the remote domains its last attempt to reach
 * failed, with Openfire's diagnosis), the routing caches' sizes, and the
 * lab's one definition of ready.
 */
final class NodeView {
    private static final int C2S_PORT = 5222;

    private final List<String> expected;
    private final Instant lastChange;
    private final XMPPServer server = XMPPServer.getInstance();

    private NodeView(List<String> expected, Instant lastChange) {
        this.expected = expected;
        this.lastChange = lastChange;
    }

    /** EXPECTED: the node names the node should be clustered with, or null for "LAB_NODES of them". */
    static NodeView now(List<String> expected, Instant lastChange) {
        return new NodeView(expected, lastChange);
    }

    /** This node's short name: its host name up to the first dot (xmpp1.localhost.example: xmpp1). */
    String node() {
        return shortName(server.getServerInfo().getHostname());
    }

    /** The nodes Openfire counts in its cluster, by short name; only itself while it is not clustered. */
    TreeSet<String> members() {
        TreeSet<String> members = new TreeSet<>();
        if (ClusterManager.isClusteringStarted()) {
            for (ClusterNodeInfo info : ClusterManager.getNodesInfo()) {
                members.add(shortName(info.getHostName()));
            }
        } else {
            members.add(node());
        }
        return members;
    }

    /**
     * Why this node is not ready, or null when it is: ready means Openfire has started, has joined
     * a cluster whose members are exactly the expected nodes (by name; without names, LAB_NODES
     * members including this node), and accepts client connections. The lab's one definition:
     * the image's health check (/ready), lab:await and the tests all ask this.
     */
    String notReady() {
        if (!server.isStarted()) {
            return "Openfire has not started yet";
        }
        if (standalone()) {
            return acceptsClients() ? null : "Openfire does not accept c2s connections on " + C2S_PORT + " yet";
        }
        if (!ClusterManager.isClusteringStarted()) {
            return "Openfire has not joined a cluster yet";
        }
        TreeSet<String> members = members();
        if (expected != null) {
            if (!members.equals(new TreeSet<>(expected))) {
                return "Openfire's cluster is " + members + ", expected " + new TreeSet<>(expected);
            }
        } else if (members.size() != labNodes() || !members.contains(node())) {
            return "Openfire's cluster is " + members + ", expected " + labNodes() + " nodes with " + node();
        }
        if (!acceptsClients()) {
            return "Openfire does not accept c2s connections on " + C2S_PORT + " yet";
        }
        return null;
    }

    /** One line: the members and the open c2s port. */
    String summary() {
        return (standalone() ? "standalone " : "cluster of ") + String.join(",", members()) + ", c2s open";
    }

    /**
     * A standalone server: clustering is off (a domain of one node in a lab of more domains) and the
     * lab expects this node alone. Ready then needs no cluster.
     */
    private boolean standalone() {
        return !ClusterManager.isClusteringEnabled() && (expected == null ? labNodes() == 1 : expected.equals(List.of(node())));
    }

    /** The view as JSON (org.json, which Openfire ships in lib/): readers go by name, the order is not kept. */
    String json() {
        String notReady = notReady();
        JSONObject cluster = new JSONObject()
                .put("started", ClusterManager.isClusteringStarted())
                .put("senior", ClusterManager.isSeniorClusterMember())
                .put("members", new JSONArray(members()))
                .put("lastChange", lastChange.toString());
        List<String> users = new ArrayList<>();
        for (ClientSession session : server.getRoutingTable().getClientsRoutes(true)) {
            users.add(session.getAddress().toString());
        }
        users.sort(null);
        JSONObject c2s = new JSONObject().put("sessions", users.size()).put("users", new JSONArray(users));
        return new JSONObject()
                .put("node", node())
                .put("cluster", cluster)
                .put("c2s", c2s)
                .put("s2s", new JSONObject().put("incoming", incoming()).put("outgoing", outgoing()).put("sessions", localServerSessions()).put("failed", failedServers()))
                .put("caches", caches())
                .put("ready", new JSONObject().put("ok", notReady == null).put("reason", notReady == null ? summary() : notReady))
                .toString();
    }

    /** Remote domains with an incoming server session, each with how many of them this node holds. */
    private JSONArray incoming() {
        SessionManager sessions = server.getSessionManager();
        JSONArray incoming = new JSONArray();
        for (String domain : new TreeSet<>(sessions.getIncomingServers())) {
            int here = 0;
            List<IncomingServerSession> all = sessions.getIncomingServerSessions(domain);
            for (IncomingServerSession session : all) {
                if (session instanceof LocalIncomingServerSession) {
                    here++;
                }
            }
            incoming.put(new JSONObject().put("domain", domain).put("sessions", all.size()).put("here", here));
        }
        return incoming;
    }

    /** The routing table's outgoing server routes (local domain to remote domain), each with the node that holds it. */
    private JSONArray outgoing() {
        Map<DomainPair, NodeID> holders = serverRoutes();
        JSONArray outgoing = new JSONArray();
        for (DomainPair route : server.getRoutingTable().getServerRoutes()) {
            NodeID holder = holders.get(route);
            outgoing.put(new JSONObject().put("local", route.getLocal()).put("remote", route.getRemote())
                    .put("node", holder == null ? JSONObject.NULL : nodeName(holder)));
        }
        return outgoing;
    }

    /** The routing table's server routes cache (domain pair to the holding node), read by name: Openfire offers no getter. */
    @SuppressWarnings("unchecked")
    private static Map<DomainPair, NodeID> serverRoutes() {
        for (Cache<?, ?> cache : CacheFactory.getAllCaches()) {
            if (RoutingTableImpl.S2S_CACHE_NAME.equals(cache.getName())) {
                return (Map<DomainPair, NodeID>) cache;
            }
        }
        return Map.of();
    }

    private String nodeName(NodeID id) {
        if (id.equals(server.getNodeID())) {
            return node();
        }
        Optional<ClusterNodeInfo> info = ClusterManager.getNodeInfo(id);
        return info.map(i -> shortName(i.getHostName())).orElse(id.toString());
    }

    /**
     * The server-to-server sessions this node holds, each with how it is secured as Openfire's
     * session says: direction, local and remote domain(s), encrypted (TLS) with protocol and
     * cipher, the peer's certificate (subject and issuer of the first one it presented, if any)
     * and how the peer was authenticated (SASL_EXTERNAL, DIALBACK, OTHER; null while not yet).
     */
    private JSONArray localServerSessions() {
        JSONArray sessions = new JSONArray();
        SessionManager manager = server.getSessionManager();
        for (String domain : new TreeSet<>(manager.getIncomingServers())) {
            for (IncomingServerSession session : manager.getIncomingServerSessions(domain)) {
                if (session instanceof LocalIncomingServerSession local) {
                    sessions.put(describe("incoming", local.getLocalDomain(), new TreeSet<>(local.getValidatedDomains()), local));
                }
            }
        }
        Set<StreamID> seen = new HashSet<>();
        for (DomainPair route : server.getRoutingTable().getServerRoutes()) {
            OutgoingServerSession session = server.getRoutingTable().getServerRoute(route);
            if (session instanceof LocalOutgoingServerSession local && seen.add(local.getStreamID())) {
                TreeSet<String> remotes = new TreeSet<>();
                local.getOutgoingDomainPairs().forEach(pair -> remotes.add(pair.getRemote()));
                TreeSet<String> locals = new TreeSet<>();
                local.getOutgoingDomainPairs().forEach(pair -> locals.add(pair.getLocal()));
                sessions.put(describe("outgoing", String.join(",", locals), remotes, local));
            }
        }
        return sessions;
    }

    /**
     * Remote domains whose latest outgoing connection attempt failed, with Openfire's own diagnosis
     * (OutgoingSessionPromise's cache of failed attempts: when, the error, the attempt's log lines).
     */
    private JSONArray failedServers() {
        JSONArray failed = new JSONArray();
        for (String domain : new TreeSet<>(server.getSessionManager().getFailedServers())) {
            OutgoingSessionPromise.getInstance().getFailedServerAttempt(domain).ifPresent(attempt -> failed.put(new JSONObject()
                    .put("local", orNull(attempt.getLocalDomain()))
                    .put("remote", domain)
                    .put("when", orNull(attempt.getWhen()))
                    .put("errorType", orNull(attempt.getErrorType()))
                    .put("errorMessage", orNull(attempt.getErrorMessage()))
                    .put("log", new JSONArray(attempt.getDiagnosticLog() == null ? List.of() : attempt.getDiagnosticLog()))));
        }
        return failed;
    }

    private static JSONObject describe(String direction, String local, TreeSet<String> remote, LocalSession session) {
        JSONObject json = new JSONObject()
                .put("direction", direction)
                .put("local", local)
                .put("remote", new JSONArray(remote))
                .put("encrypted", session.isEncrypted())
                .put("tlsProtocol", orNull(session.isEncrypted() ? session.getTLSProtocolName() : null))
                .put("cipherSuite", orNull(session.isEncrypted() ? session.getCipherSuiteName() : null))
                .put("authentication", orNull(((ServerSession) session).getAuthenticationMethod()));
        Certificate[] peer = session.isEncrypted() ? session.getPeerCertificates() : new Certificate[0];
        if (peer != null && peer.length > 0 && peer[0] instanceof X509Certificate certificate) {
            json.put("peerSubject", certificate.getSubjectX500Principal().getName())
                    .put("peerIssuer", certificate.getIssuerX500Principal().getName());
        } else {
            json.put("peerSubject", JSONObject.NULL).put("peerIssuer", JSONObject.NULL);
        }
        return json;
    }

    private static Object orNull(Object value) {
        return value == null ? JSONObject.NULL : value.toString();
    }

    /** The routing caches' sizes (entries), by cache name. */
    private static JSONObject caches() {
        JSONObject sizes = new JSONObject();
        for (Cache<?, ?> cache : CacheFactory.getAllCaches()) {
            if (cache.getName().startsWith("Routing ")) {
                sizes.put(cache.getName(), cache.size());
            }
        }
        return sizes;
    }

    private static boolean acceptsClients() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", C2S_PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int labNodes() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("LAB_NODES", "1").trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** "xmpp1.localhost.example (172.60.0.10)" (Hazelcast's node info) or "xmpp1.localhost.example": xmpp1. */
    static String shortName(String hostName) {
        String name = hostName == null ? "" : hostName.trim();
        int end = name.length();
        for (char stop : new char[] {'.', ' '}) {
            int at = name.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return name.substring(0, end);
    }
}
