package io.openfirecluster.loadbalancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import io.openfirecluster.control.ContainerState;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.Wait;
import io.openfirecluster.topology.Topology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real load balancer image in front of real TCP servers (socat, one in each node's
 * address holder, answering "NAME ADDRESS PORT"), on the lab network that lab:up made; the
 * docker-maven-plugin started them. Clients connect to the ports the lb holder publishes on
 * 127.0.0.1, as a person's client would; the in-lab checks run in the backends' own containers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancerIT {
    /** The lab's nodes (where the stand-ins run), from its topology. */
    private static List<String> nodes;
    /** Listeners whose backends speak TLS (passed through by the load balancer). */
    private static final Set<Integer> TLS = Set.of(57443, 5270);
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static Properties topology;
    private static LabNetwork lab;
    private static DockerClient docker;
    private static boolean dualStack;
    private static SSLContext trustAll;

    @BeforeAll
    static void connect() throws Exception {
        topology = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("lab.topology", "target/lab/topology.properties")))) {
            topology.load(in);
        }
        nodes = List.of(topology.getProperty("lab.nodes").split(","));
        String subnet6 = topology.getProperty("lab.subnet6", "");
        dualStack = !subnet6.isEmpty();
        lab = LabNetwork.connect(new Topology(topology.getProperty("lab.network"), topology.getProperty("lab.subnet"),
                dualStack ? subnet6 : null, topology.getProperty("lab.bind"), "", List.of()), message -> { });
        docker = lab.docker();
        trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);

        String image = System.getProperty("lb.image");
        long size = docker.inspectImageCmd(image).exec().getSize();
        report("loadbalancer image " + image + ": " + Math.round(size / 1e6) + " MB"
                + " (lab " + (dualStack ? "dual-stack" : "IPv4-only") + ")");
        for (int listener : RenderedConfigTest.LISTENERS.keySet()) {
            poll("listener " + listener + " answers", () -> tryAsk(listener) != null);
        }
    }

    @AfterAll
    static void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void everyListenerPassesToTheNodePortItIsFor() throws IOException {
        Map<Integer, Integer> published = new TreeMap<>();
        topology.stringPropertyNames().stream().filter(k -> k.startsWith("lab.lb.port."))
                .forEach(k -> published.put(Integer.parseInt(k.substring("lab.lb.port.".length())), Integer.parseInt(topology.getProperty(k))));
        assertEquals(new TreeSet<>(RenderedConfigTest.LISTENERS.keySet()), published.keySet(),
                "nginx listens on exactly the ports the topology publishes for lb");
        published.forEach((container, host) -> assertEquals(container, host, "listener " + container + " is published on the same host port"));

        for (Map.Entry<Integer, Integer> listener : RenderedConfigTest.LISTENERS.entrySet()) {
            Answer answer = ask(listener.getKey());
            assertEquals(listener.getValue(), answer.port(), "listener " + listener.getKey());
            assertTrue(addresses(answer.node()).contains(answer.address()),
                    "listener " + listener.getKey() + " reached " + answer + ", not an address of that node");
        }
    }

    @Test
    @Order(2)
    void everyListenerAnswersOverIpv6InsideTheLab() {
        assumeTrue(dualStack, "IPv4-only lab");
        String lb = topology.getProperty("lab.lb.ipv6");
        for (Map.Entry<Integer, Integer> listener : RenderedConfigTest.LISTENERS.entrySet()) {
            Answer answer = askInLab(first(), lb, listener.getKey());
            assertEquals(listener.getValue(), answer.port(), "[" + lb + "]:" + listener.getKey() + " answered " + answer);
        }
    }

    @Test
    @Order(3)
    void c2sIsRoundRobinOverEveryNodeAddress() throws IOException {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(ask(55222));
        }
        Map<String, Long> perNode = countPerNode(answers);
        report("c2s 55222, 30 connections from one client: " + perNode);
        assertEquals(new TreeSet<>(nodes), perNode.keySet(), "every node gets c2s connections");
        perNode.forEach((node, count) -> assertTrue(count <= 20, node + " got " + count + " of 30 connections (more than 2/3)"));
        // The upstream list is the topology's node addresses, both families in dual-stack mode.
        Set<InetAddress> expected = nodes.stream().flatMap(n -> addresses(n).stream()).collect(Collectors.toSet());
        Set<InetAddress> reached = answers.stream().map(Answer::address).collect(Collectors.toSet());
        assertEquals(expected, reached, "c2s reaches exactly every address of every node");
    }

    @Test
    @Order(4)
    void boshKeepsAClientOnOneNode() throws IOException {
        for (int listener : List.of(57070, 57443)) {
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(ask(listener));
            }
            Map<String, Long> perNode = countPerNode(answers);
            report("BOSH " + listener + ", 30 connections from one client: " + perNode);
            assertEquals(1, perNode.size(), "all BOSH connections of one client on one node, got " + perNode);
        }
        // Clients with other addresses (the stand-in containers) each stay on a node of their own choosing.
        Map<String, String> chosen = new TreeMap<>();
        for (String client : nodes) {
            Set<String> nodes = new TreeSet<>();
            for (int i = 0; i < 10; i++) {
                nodes.add(askInLab(client, topology.getProperty("lab.lb.ipv4"), 57070).node());
            }
            assertEquals(1, nodes.size(), "client " + client + " (" + topology.getProperty("lab." + client + ".ipv4") + ") was spread over " + nodes);
            chosen.put(topology.getProperty("lab." + client + ".ipv4"), nodes.iterator().next());
        }
        report("BOSH 57070, 10 connections from each of " + nodes.size() + " in-lab clients: " + chosen);
    }

    @Test
    @Order(5)
    void anIpv6OnlyBackendIsReached() throws IOException {
        assumeTrue(dualStack, "IPv4-only lab");
        // The check is not vacuous: the last node's stand-in really does not listen on IPv4 for 5270.
        String v6only = last();
        Containers.ExecResult v4 = lab.containers().exec(backend(v6only), Duration.ofSeconds(15), "timeout", "5", "bash", "-c",
                "exec 3<>/dev/tcp/" + topology.getProperty("lab." + v6only + ".ipv4") + "/5270");
        assertNotEquals(0, v4.exitCode(), v6only + " must listen on 5270 over IPv6 only: " + v4.output());

        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(ask(5270));
        }
        String v6 = topology.getProperty("lab." + v6only + ".ipv6");
        long reached = answers.stream().filter(a -> a.address().equals(literal(v6))).count();
        report("s2s 5270 with " + v6only + " on IPv6 only, 12 connections: " + countPerNode(answers) + ", " + reached + " of them to [" + v6 + "]");
        assertTrue(reached > 0, "the load balancer never reached " + v6only + " over IPv6: " + answers);
    }

    @Test
    @Order(6)
    void aDeadNodeIsSkippedAndGetsTrafficAgainWhenItIsBack() throws Exception {
        String dead = nodes.get(1);
        String container = backend(dead);
        int logBefore = accessLog().length();
        lab.containers().stop(container, Duration.ofSeconds(5));
        try {
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(ask(55222)); // an IOException here is a client that saw the dead node
            }
            Map<String, Long> perNode = countPerNode(answers);
            assertEquals(new TreeSet<>(nodes.stream().filter(n -> !n.equals(dead)).toList()), perNode.keySet(), "all connections go to the others");
            // Passive health: how many of those connections nginx first tried on the dead node.
            int tried = triedOn(dead, accessLog().substring(logBefore));
            report("c2s with " + dead + " stopped, 20 connections: " + perNode + ", none failed; " + tried
                    + " first tried " + dead + " (it has " + addresses(dead).size() + " address(es))");
            assertTrue(tried <= addresses(dead).size(), "nginx kept trying the dead node: " + tried + " times");
        } finally {
            lab.containers().start(container);
        }
        long started = System.nanoTime();
        Duration timeout = DEADLINE.plus(parseNginxTime(System.getProperty("lb.fail.timeout", "10s")));
        poll(dead + " gets c2s traffic again", timeout, () -> dead.equals(node(tryAsk(55222))));
        report(dead + " got c2s traffic again " + (System.nanoTime() - started) / 1_000_000 + " ms after its start (lb.fail.timeout "
                + System.getProperty("lb.fail.timeout") + ")");
    }

    @Test
    @Order(7)
    void dockerStopEndsNginxCleanlyEvenWithOpenSessions() throws Exception {
        String container = topology.getProperty("lab.lb.container");
        try (Socket session = open(55222)) {
            BufferedReader in = reader(session);
            String greeting = in.readLine();
            assertTrue(nodes.stream().anyMatch(n -> greeting.startsWith(n + " ")), "an open session: " + greeting);
            long start = System.nanoTime();
            lab.containers().stop(container, Duration.ofSeconds(10));
            long stopMillis = (System.nanoTime() - start) / 1_000_000;
            ContainerState state = lab.containers().state(container);
            report("docker stop of the load balancer with an open session: " + stopMillis + " ms, exit code " + state.exitCode().orElse(null));
            assertEquals(0L, state.exitCode().orElse(null), "nginx exits by itself on docker stop (137 would be SIGKILL)");
            session.setSoTimeout(5000);
            String rest;
            try {
                rest = in.readLine();
            } catch (SocketException e) {
                rest = null; // reset instead of closed: closed all the same
            }
            assertEquals(null, rest, "the open session is closed");
        } finally {
            lab.containers().start(container);
        }
        for (int listener : RenderedConfigTest.LISTENERS.keySet()) {
            poll("listener " + listener + " answers after a restart", () -> tryAsk(listener) != null);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** A backend's answer: its name, the address and the port the connection reached. */
    record Answer(String node, InetAddress address, int port) {
        static Answer parse(String line) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 3) {
                throw new AssertionError("not a backend answer: '" + line + "'");
            }
            try {
                // socat writes IPv6 as [fd23:0d79:...]; a literal, so no name lookup.
                return new Answer(parts[0], InetAddress.getByName(parts[1].replaceAll("[\\[\\]]", "")), Integer.parseInt(parts[2]));
            } catch (IOException | NumberFormatException e) {
                throw new AssertionError("not a backend answer: '" + line + "'", e);
            }
        }

        @Override
        public String toString() {
            return node + "@" + address.getHostAddress() + ":" + port;
        }
    }

    /** One connection through the load balancer's published port; for TLS listeners checks the node's own certificate. */
    private static Answer ask(int listener) throws IOException {
        try (Socket socket = open(listener)) {
            String line = reader(socket).readLine();
            if (line == null) {
                throw new IOException("listener " + listener + " closed the connection without an answer");
            }
            Answer answer = Answer.parse(line);
            if (socket instanceof SSLSocket tls) {
                X509Certificate certificate = (X509Certificate) tls.getSession().getPeerCertificates()[0];
                assertEquals("CN=" + answer.node(), certificate.getSubjectX500Principal().getName(),
                        "TLS on " + listener + " is the node's own (passed through, not terminated by nginx)");
            }
            return answer;
        }
    }

    /**
     * One connection from inside the lab: from the backend container of {@code client} (so from
     * that node's addresses) to ADDRESS:PORT. The client must not half-close before it has the
     * answer: nginx ends a stream session when the client does (proxy_half_close is off).
     */
    private static Answer askInLab(String client, String address, int port) {
        String[] command = TLS.contains(port)
                // -u: reads the connection only, so it never sends its end; -T 1 ends it once the answer is in.
                ? new String[] {"socat", "-T", "1", "-u", "OPENSSL:" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port + ",verify=0", "-"}
                : new String[] {"timeout", "5", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + port + " && head -n 1 <&3"};
        Containers.ExecResult result = lab.containers().exec(backend(client), Duration.ofSeconds(15), command);
        assertEquals(0, result.exitCode(), client + " -> " + address + " " + port + ": " + result.output());
        return Answer.parse(result.output().lines().findFirst().orElse(""));
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new AssertionError(address, e);
        }
    }

    /** The last error a polled connection saw, for the failure message. */
    private static volatile String lastError = "";

    private static Answer tryAsk(int listener) {
        try {
            return ask(listener);
        } catch (IOException e) {
            lastError = listener + ": " + e;
            return null;
        }
    }

    private static Socket open(int listener) throws IOException {
        String host = topology.getProperty("lab.bind", "127.0.0.1");
        int port = Integer.parseInt(topology.getProperty("lab.lb.port." + listener, Integer.toString(listener)));
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(5000);
            if (!TLS.contains(listener)) {
                return socket;
            }
            SSLSocket tls = (SSLSocket) trustAll.getSocketFactory().createSocket(socket, host, port, true);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String node(Answer answer) {
        return answer == null ? null : answer.node();
    }

    private static Map<String, Long> countPerNode(Collection<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::node, TreeMap::new, Collectors.counting()));
    }

    /** The node's addresses in the topology: IPv4 and, dual-stack, IPv6. */
    private static Set<InetAddress> addresses(String node) {
        Set<InetAddress> result = new HashSet<>();
        for (String family : List.of("ipv4", "ipv6")) {
            String address = topology.getProperty("lab." + node + "." + family, "");
            if (!address.isEmpty()) {
                result.add(literal(address));
            }
        }
        return result;
    }

    /** The stand-in's container: what runs in the node's holder, as the topology names it. */
    private static String backend(String node) {
        return topology.getProperty("lab." + node + ".container");
    }

    private static String first() {
        return nodes.get(0);
    }

    private static String last() {
        return nodes.get(nodes.size() - 1);
    }

    /** The load balancer's log so far (its access log, each line after Docker's timestamp). */
    private static String accessLog() {
        return lab.containers().logs(topology.getProperty("lab.lb.container"));
    }

    /** c2s access log lines whose first upstream tried is an address of the node. */
    private static int triedOn(String node, String log) {
        int tried = 0;
        // "CLIENT -> :55222 -> UPSTREAM[, NEXT UPSTREAM...] STATUS ...", UPSTREAM as 172.60.0.20:5222 or [fd23:d79:d076::20]:5222
        for (String line : log.split("\n")) {
            String[] hops = line.split(" -> ");
            if (hops.length == 3 && hops[1].equals(":55222")) {
                String first = hops[2].split("[ ,]")[0];
                String host = first.substring(0, first.lastIndexOf(':')).replaceAll("[\\[\\]]", "");
                if (addresses(node).contains(literal(host))) {
                    tried++;
                }
            }
        }
        return tried;
    }

    private static Duration parseNginxTime(String value) {
        Map<String, Long> units = Map.of("ms", 1L, "s", 1000L, "m", 60_000L, "h", 3_600_000L);
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.trim());
        if (!m.matches()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Long.parseLong(m.group(1)) * units.get(m.group(2) == null ? "s" : m.group(2)));
    }

    private static void poll(String what, Supplier<Boolean> condition) {
        poll(what, DEADLINE, condition);
    }

    private static void poll(String what, Duration deadline, Supplier<Boolean> condition) {
        Wait.until(what, deadline, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty(), () -> "last error: " + lastError);
    }

    private static void report(String line) {
        System.out.println("[report] " + line);
    }
}
