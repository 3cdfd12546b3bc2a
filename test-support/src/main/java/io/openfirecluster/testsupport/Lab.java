package io.openfirecluster.testsupport;

import io.openfirecluster.workload.LabClients;
import io.openfirecluster.topology.Format;
import io.openfirecluster.control.Wait;

import com.github.dockerjava.api.DockerClient;
import io.openfirecluster.control.ClusterHealth;
import io.openfirecluster.control.ContainerState;
import io.openfirecluster.control.Containers;
import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import io.openfirecluster.control.HazelcastMembers;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.OpenfireView;
import io.openfirecluster.control.WaitTimeoutException;
import io.openfirecluster.topology.LabCertificates;
import io.openfirecluster.topology.ResolvedTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running lab as the tests see it: its topology as lab:up resolved it (the one node list),
 * its containers, and what each node says about the cluster: Openfire its own view through the
 * lab plugin (OpenfireView, which also decides readiness), Hazelcast through its REST health and
 * member endpoints where a test compares Hazelcast's own view.
 */
public final class Lab implements AutoCloseable {
    /** How long the lab may take to become one cluster, at start and after a change. */
    public static final Duration CLUSTER_DEADLINE = Duration.ofSeconds(120);
    private static Lab instance;
    private static Lab unready;
    private static RuntimeException notReady;

    private final ResolvedTopology topology;
    private final LabNetwork network;
    private final Map<String, LogStream> logs = new ConcurrentHashMap<>();

    private Lab(ResolvedTopology topology) {
        this.topology = topology;
        network = LabNetwork.connect(topology.topology(), message -> System.out.println("[lab] " + message));
    }

    /**
     * A lab lab:up resolved into FILE (a fresh view, not the tests' shared one): for tools such as
     * the startup benchmark. Its clients trust the CA lab:up wrote beside FILE, not one read for
     * an earlier lab (lab:up makes a new CA whenever the domains or their names change).
     */
    public static Lab connect(java.nio.file.Path file) {
        LabClients.trustLabCa(file.toAbsolutePath().resolveSibling(LabCertificates.CA_PEM));
        return new Lab(ResolvedTopology.load(file));
    }

    /**
     * The lab, once all its nodes are ready (one Openfire cluster taking clients) and, where the lab has a
     * load balancer, it takes logins. Checked once; if it never gets there every test fails with
     * the same reason instead of waiting again.
     */
    public static synchronized Lab get() {
        if (notReady != null) {
            throw notReady;
        }
        if (instance == null) {
            Lab lab = new Lab(ResolvedTopology.fromSystemProperty());
            try {
                lab.awaitReady();
            } catch (WaitTimeoutException e) {
                notReady = e;
                unready = lab;
                throw e;
            }
            instance = lab;
        }
        return instance;
    }

    /** The lab the tests connected to, ready or not; empty while no test has asked for it. */
    public static synchronized Optional<Lab> connected() {
        return Optional.ofNullable(instance != null ? instance : unready);
    }

    /** Waits until all nodes are ready (one Openfire cluster, by its own view) and, where there is one, the load balancer takes a login. */
    public void awaitReady() {
        // Each XMPP domain is a cluster of its own (one node: a standalone server); the one-domain lab tags none.
        for (String domain : nodes().stream().map(topology::domain).distinct().toList()) {
            awaitClusterOf(topology.nodesOf(domain), Instant.EPOCH);
        }
        awaitLoadBalancerLogin();
    }

    /** What a test that broke the lab leaves behind: every active fault undone, then the lab ready. */
    public void healAndAwaitReady() {
        if (faults().active().values().stream().anyMatch(faults -> !faults.isEmpty())) {
            faults().heal();
        }
        awaitReady();
    }

    private void awaitLoadBalancerLogin() {
        if (topology.hasService("lb")) {
            Wait.until("the load balancer accepts a c2s login", Duration.ofSeconds(30), () -> canLogIn("lb"));
        }
    }

    public ResolvedTopology topology() {
        return topology;
    }

    /** The lab's Docker side: cut, heal, exec, and (lab-control) faults. */
    public LabNetwork network() {
        return network;
    }

    /** Breaks and heals the running lab (lab-control's Faults, the same as the lab:isolate, ... goals). */
    public Faults faults() {
        return new Faults(network);
    }

    /** True when every node's Hazelcast says it is in a cluster of all the lab's nodes. */
    public boolean hazelcastWhole() {
        return hazelcastClusterOf(nodes());
    }

    /** True when every one of NODES says (Hazelcast's health) it is in a cluster of exactly that many members. */
    public boolean hazelcastClusterOf(List<String> nodes) {
        return nodes.stream().allMatch(node -> health(node).map(h -> h.isClusterOf(nodes.size())).orElse(false));
    }

    /** The Docker client itself, for a test's unusual call (the lab's containers are {@link #network()}'s). */
    public DockerClient docker() {
        return network.docker();
    }

    /** SERVICE's container's state now (running, paused, exit code, health, when it started). */
    public ContainerState state(String service) {
        return network.containers().state(container(service));
    }

    /** The Openfire nodes of this lab, from its topology: xmpp1 .. xmppN. */
    public List<String> nodes() {
        return topology.nodes();
    }

    public String container(String service) {
        return topology.container(service);
    }

    /** The host port of a node's (or the load balancer's) c2s listener. */
    public int c2sPort(String entry) {
        return topology.hostPort(entry, topology.c2sPort(entry));
    }

    /** What Hazelcast on NODE says of its cluster, or empty while it does not answer. */
    public Optional<ClusterHealth> health(String node) {
        return rest(node, "/hazelcast/health").flatMap(ClusterHealth::parse);
    }

    /** The member addresses Hazelcast on NODE lists (empty while it does not answer). */
    public List<String> members(String node) {
        return rest(node, "/hazelcast/rest/cluster").map(HazelcastMembers::parse).orElse(List.of());
    }

    /**
     * NODE's address as Hazelcast members know it (IPv6 in a dual-stack lab, IPv4 otherwise), in
     * one spelling (Hazelcast writes IPv6 addresses uncompressed).
     */
    public String memberAddress(String node) {
        return normalAddress(topology().dualStack() ? topology().ipv6(node) : topology().ipv4(node));
    }

    /** The member addresses Hazelcast on NODE lists, in the spelling of {@link #memberAddress}; empty while it does not answer. */
    public Set<String> memberAddresses(String node) {
        return new TreeSet<>(members(node).stream().map(Lab::normalAddress).toList());
    }

    /** ADDRESS (IPv4, or IPv6 in any spelling) in the one spelling {@link #memberAddress} uses. */
    public static String normalAddress(String address) {
        try {
            return java.net.InetAddress.getByName(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("not an address: " + address, e);
        }
    }

    /** What Openfire on NODE says of itself (the lab plugin), ready meaning a cluster of all the lab's nodes; empty while it does not answer. */
    public Optional<OpenfireView> openfireView(String node) {
        return OpenfireView.read(network, container(node), nodes());
    }

    /** The nodes Openfire's routing tables name as holding the outgoing server route to the domain REMOTE (more than one: held twice; empty: none). */
    public java.util.SortedSet<String> routeHolders(String remote) {
        return io.openfirecluster.control.RouteHolders.of(network, remote);
    }

    /** The lines of SERVICE's container log so far (followed, every run of the container). */
    public List<String> logLines(String service) {
        return log(service).lines();
    }

    /**
     * Waits until NODES form a cluster of their own, as seen after SINCE: each one is ready by the
     * lab's one definition for exactly these nodes (Openfire's own view, through the lab plugin:
     * a cluster of exactly NODES, taking client connections) and Openfire last told its cluster
     * listeners of a change after SINCE. On the deadline it fails naming the nodes that are not
     * there, with the tail of their logs.
     */
    public void awaitClusterOf(List<String> nodes, Instant since) {
        Map<String, String> seen = new LinkedHashMap<>();
        Instant[] nextProgress = {Instant.now()};
        try {
            Wait.until("the nodes " + nodes + " form a cluster of their own", CLUSTER_DEADLINE, () -> {
                Set<String> behind = behind(nodes, since, seen);
                if (!behind.isEmpty() && !Instant.now().isBefore(nextProgress[0])) {
                    System.out.println("[lab] waiting for " + nodes + " to form a cluster, seen: " + seen);
                    nextProgress[0] = Instant.now().plusSeconds(5);
                }
                return behind.isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty();
            }, seen::toString);
        } catch (WaitTimeoutException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            for (String node : behind(nodes, since, seen)) {
                message.append("\n--- last lines of ").append(container(node)).append(" ---\n").append(tail(node, 30));
            }
            throw new WaitTimeoutException(message.toString());
        }
    }

    private Set<String> behind(List<String> nodes, Instant since, Map<String, String> seen) {
        Set<String> behind = new TreeSet<>();
        for (String node : nodes) {
            Optional<OpenfireView> view = OpenfireView.read(network, container(node), nodes);
            seen.put(node, view.map(Object::toString).orElse("openfire does not answer yet"));
            if (view.isEmpty() || !view.get().ready() || (since.isAfter(Instant.EPOCH) && view.get().lastChange().isBefore(since))) {
                behind.add(node);
            }
        }
        return behind;
    }

    /** Makes CHANGE (a cut, a stop, ...), waits until NODES form a cluster of their own, and says how long that took. */
    public String changeAndAwaitClusterOf(List<String> nodes, Runnable change) {
        Instant start = Instant.now();
        change.run();
        awaitClusterOf(nodes, start);
        return seconds(start, Instant.now());
    }

    /**
     * Asks every running node's JVM for a thread dump (SIGQUIT: the JVM prints it to its log and
     * runs on) and waits up to DEADLINE until each log shows it; lab:down saves the logs. Returns
     * the nodes whose dump arrived. For a stalled node this is what Openfire was waiting for.
     */
    public List<String> threadDumps(Duration deadline) {
        Map<String, Long> before = new LinkedHashMap<>();
        for (String node : nodes()) {
            try {
                before.put(node, threadDumpCount(node));
                network.containers().kill(container(node), "QUIT");
            } catch (RuntimeException e) {
                before.remove(node); // not running (crashed, stopped): nothing to ask
            }
        }
        List<String> dumped = new ArrayList<>();
        try {
            Wait.until("a thread dump in the log of every running node", deadline, () -> {
                before.forEach((node, count) -> {
                    if (!dumped.contains(node) && threadDumpCount(node) > count) {
                        dumped.add(node);
                    }
                });
                return dumped.size() == before.size();
            });
        } catch (WaitTimeoutException e) {
            // the caller reports which nodes dumped their threads
        }
        return dumped;
    }

    private long threadDumpCount(String node) {
        return log(node).lines().stream().filter(line -> line.contains(" Full thread dump ")).count();
    }

    public String tail(String service, int lines) {
        List<String> all = log(service).lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public void stop(String service) {
        network.containers().stop(container(service), Duration.ofSeconds(20));
    }

    public void start(String service) {
        network.containers().start(container(service));
    }

    /** Resident memory of a service's container, in MiB, as Docker's stats report it (-1 if unknown). */
    public long memoryMiB(String service) {
        return network.containers().memoryBytes(container(service)).map(bytes -> bytes / (1024 * 1024)).orElse(-1L);
    }

    /**
     * Kills and starts every node (the database and the load balancer stay) and waits until they
     * are one cluster again and the load balancer takes a login; returns how long that took. For a
     * test that must not inherit what earlier faults left in Openfire.
     */
    public String restartNodes() {
        Instant restart = Instant.now();
        nodes().forEach(node -> faults().apply(new Fault.Crash(node)));
        nodes().forEach(faults()::start);
        awaitClusterOf(nodes(), restart);
        awaitLoadBalancerLogin();
        return seconds(restart, Instant.now());
    }

    public static String seconds(Instant from, Instant to) {
        return Format.seconds(Duration.between(from, to));
    }

    private boolean canLogIn(String entry) {
        try (Xmpp session = Xmpp.login(this, "user1", entry)) {
            return session.connection.isAuthenticated();
        } catch (Exception e) {
            System.out.println("[lab] no c2s login on " + entry + " yet: " + e.getMessage());
            return false;
        }
    }

    private Optional<String> rest(String node, String path) {
        try {
            Containers.ExecResult result = network.containers().exec(container(node), Duration.ofSeconds(5), "/opt/openfire-lab/hazelcast-rest", path);
            return result.exitCode() == 0 ? Optional.of(result.output()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // not running (stopped, paused, crashed): it says nothing
        }
    }

    private LogStream log(String service) {
        return logs.computeIfAbsent(service, s -> new LogStream(network.containers(), container(s)));
    }

    /** Stops following logs and closes the Docker client (the tests' shared lab lives as long as the test run). */
    @Override
    public void close() {
        logs.values().forEach(LogStream::close);
        network.close();
    }
}
