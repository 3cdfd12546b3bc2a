package io.openfirecluster.openfirelab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import org.jivesoftware.openfire.cluster.ClusterEventListener;
import org.jivesoftware.openfire.cluster.ClusterManager;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.interceptor.InterceptorManager;

/**
 * The lab's plugin in every node: answers GET /view (JSON: what Openfire itself knows of its
 * cluster, sessions and server routes) and GET /ready (200 "ready: ..." or 503 and one line why
 * not), each optionally with ?nodes=xmpp1,xmpp2 (the cluster the node should be in; default: as
 * many nodes as LAB_NODES says), and GET /counters (JSON: the node's chat messages in and out,
 * {@link ChatCounters}). Its own small HTTP server on port 9095 of every address of the
 * node: in a lab container that is loopback and the lab network, and the lab never publishes it.
 */
public class OpenfireLabPlugin implements Plugin, ClusterEventListener {
    static final int PORT = 9095;
    private HttpServer server;
    /** When Openfire last told its listeners the cluster changed (or this plugin started). */
    private volatile Instant lastChange = Instant.now();
    private final ChatCounters counters = new ChatCounters();

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        ClusterManager.addListener(this);
        InterceptorManager.getInstance().addInterceptor(counters);
        try {
            server = HttpServer.create(new InetSocketAddress(PORT), 16);
        } catch (IOException e) {
            System.out.println("openfirelab: cannot listen on port " + PORT + ": " + e.getMessage());
            return;
        }
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "openfirelab-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/view", exchange -> answer(exchange, view(exchange).json()));
        server.createContext("/counters", exchange -> answer(exchange, counters.json()));
        server.createContext("/ready", exchange -> {
            NodeView view = view(exchange);
            String notReady = view.notReady();
            answer(exchange, notReady == null ? 200 : 503, notReady == null ? "ready: " + view.summary() : notReady);
        });
        server.start();
        System.out.println("openfirelab: answering /view, /ready and /counters on port " + PORT);
    }

    @Override
    public void destroyPlugin() {
        ClusterManager.removeListener(this);
        InterceptorManager.getInstance().removeInterceptor(counters);
        if (server != null) {
            server.stop(0);
        }
    }

    private NodeView view(HttpExchange exchange) {
        return NodeView.now(expected(exchange.getRequestURI().getRawQuery()), lastChange);
    }

    /** The node names in "nodes=a,b" of QUERY, or null: then LAB_NODES says how many. */
    static List<String> expected(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("nodes=")) {
                String names = URLDecoder.decode(pair.substring("nodes=".length()), StandardCharsets.UTF_8);
                return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
            }
        }
        return null;
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer(exchange, 200, json);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void joinedCluster() {
        lastChange = Instant.now();
    }

    @Override
    public void joinedCluster(byte[] nodeID) {
        lastChange = Instant.now();
    }

    @Override
    public void leftCluster() {
        lastChange = Instant.now();
    }

    @Override
    public void leftCluster(byte[] nodeID) {
        lastChange = Instant.now();
    }

    @Override
    public void markedAsSeniorClusterMember() {
        lastChange = Instant.now();
    }
}
