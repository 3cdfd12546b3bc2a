package io.openfirecluster.control;

import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaks a running lab the ways real networks and JVMs fail, and mends it (Jepsen's nemesis: it
 * only makes faults; what they did is for others to observe). Packet faults are iptables rules in
 * the address holders' namespaces ({@link PacketRules}); pause, crash and start act on the node
 * containers. Faults are values ({@link Fault}); each is checked against the lab's nodes, and the
 * lab found running, before anything changes; applying one twice is harmless; {@link #heal(Fault)}
 * undoes one, {@link #heal()} everything, {@link #heal(String)} one service's faults.
 */
public final class Faults {
    private static final Duration COMMAND = Duration.ofSeconds(10);

    private final LabNetwork lab;
    private final Containers containers;
    private final Topology topology;

    public Faults(LabNetwork lab) {
        this.lab = lab;
        this.containers = lab.containers();
        this.topology = lab.topology();
    }

    /** The topology of the lab these faults act on. */
    public Topology topology() {
        return topology;
    }

    /** Makes FAULT on the lab, after checking it against the lab's nodes and that the lab runs; applying it twice is harmless. */
    public void apply(Fault fault) {
        fault.apply(this);
    }

    /** Undoes FAULT (see {@link Fault#heal}); healing what is not there is harmless. */
    public void heal(Fault fault) {
        fault.heal(this);
    }

    void isolate(Fault.Isolate fault) {
        LabService isolated = node(fault.node());
        requireRunning();
        rules(isolated, "isolate", peersOf(isolated).stream().flatMap(peer -> addresses(peer).stream()).map(PacketRules.Drop::both).toList());
    }

    void partition(Fault.Partition fault) {
        List<List<LabService>> split = fault.groups().stream().map(group -> group.stream().map(this::node).toList()).toList();
        String domain = split.get(0).get(0).getDomain();
        List<String> outside = split.stream().flatMap(List::stream).filter(node -> !node.getDomain().equals(domain)).map(LabService::getName).toList();
        if (!outside.isEmpty()) {
            throw new LabException("the partition " + fault + " names " + outside + " of another domain than " + split.get(0).get(0).getName()
                    + ": a partition splits one cluster, name the nodes of " + (domain.isEmpty() ? "the lab" : domain) + " only");
        }
        List<String> left = topology.nodesOf(domain).stream().map(LabService::getName).filter(n -> !fault.nodes().contains(n)).toList();
        if (!left.isEmpty()) {
            throw new LabException("the partition " + fault + " leaves out " + left + ": name every node exactly once");
        }
        requireRunning();
        String label = "partition " + fault;
        Map<LabService, List<PacketRules.Drop>> plan = new LinkedHashMap<>();
        for (List<LabService> group : split) {
            for (LabService node : group) {
                plan.put(node, topology.nodesOf(domain).stream().filter(other -> !group.contains(other))
                        .flatMap(other -> addresses(other).stream()).map(PacketRules.Drop::both).toList());
            }
        }
        Parallel.forEach(List.copyOf(plan.entrySet()), entry -> rules(entry.getKey(), label, entry.getValue()));
    }

    void oneway(Fault.Oneway fault) {
        LabService sender = node(fault.from());
        LabService receiver = node(fault.to());
        requireRunning();
        rules(sender, "oneway " + fault.from() + "->" + fault.to(), addresses(receiver).stream().map(PacketRules.Drop::outbound).toList());
    }

    void s2scut(Fault.S2sCut fault) {
        LabService cut = node(fault.node());
        List<String> others = topology.domains().stream().filter(domain -> !domain.equals(cut.getDomain())).toList();
        if (others.isEmpty()) {
            throw new LabException("a server-to-server cut needs another XMPP domain, and this lab has one: start -Dlab.shape=cluster-with-federation or federation");
        }
        if (!fault.domain().isEmpty() && !others.contains(fault.domain())) {
            throw new LabException("lab.domain=" + fault.domain() + " is not another domain of " + fault.node() + ": give one of " + others);
        }
        List<String> remote = fault.domain().isEmpty() ? others : List.of(fault.domain());
        requireRunning();
        rules(cut, "s2scut " + String.join(",", remote), topology.services().stream().filter(service -> remote.contains(service.getDomain()))
                .flatMap(service -> addresses(service).stream()).map(PacketRules.Drop::both).toList());
    }

    void dbcut(Fault.Dbcut fault) {
        LabService cut = node(fault.node());
        // The database is what a node starts after (its <after> in the topology).
        List<LabService> database = topology.after(cut);
        if (database.isEmpty()) {
            throw new LabException(fault.node() + " starts after no service, so the lab does not know its database: set <after> in the node template");
        }
        requireRunning();
        rules(cut, "dbcut", database.stream().flatMap(db -> addresses(db).stream()).map(PacketRules.Drop::refused).toList());
    }

    void loss(Fault.Loss fault) {
        LabService lossy = node(fault.node());
        requireRunning();
        rules(lossy, "loss " + fault.percent() + "%", peersOf(lossy).stream().flatMap(peer -> addresses(peer).stream())
                .map(address -> PacketRules.Drop.share(address, fault.percent())).toList());
    }

    /**
     * Delays the node's packets to the other nodes with tc netem: an htb root whose second class,
     * for the peers' addresses, holds the netem qdisc. Kernels without sch_netem (this lab's CI
     * machine) cannot: it says so in one line and leaves the namespace as it was.
     */
    void latency(Fault.Latency fault) {
        LabService slow = node(fault.node());
        requireRunning();
        String delay = fault.delay().toMillis() + "ms";
        StringBuilder script = new StringBuilder("set -e\ndev=$(ls /sys/class/net | grep -v '^lo$' | head -n 1)\n")
                .append("tc qdisc del dev $dev root 2>/dev/null || true\n")
                .append("tc qdisc add dev $dev root handle 1: htb default 1\n")
                .append("tc class add dev $dev parent 1: classid 1:1 htb rate 10gbit\n")
                .append("tc class add dev $dev parent 1: classid 1:2 htb rate 10gbit\n")
                .append("if ! tc qdisc add dev $dev parent 1:2 handle 20: netem delay ").append(delay).append(" 2>/tmp/netem; then\n")
                .append("  tc qdisc del dev $dev root; cat /tmp/netem >&2; exit 3\nfi\n");
        for (LabService peer : peersOf(slow)) {
            for (String address : addresses(peer)) {
                script.append("tc filter add dev $dev parent 1: protocol ").append(address.contains(":") ? "ipv6" : "ip")
                        .append(" u32 match ").append(address.contains(":") ? "ip6 dst " + address + "/128" : "ip dst " + address + "/32")
                        .append(" flowid 1:2\n");
            }
        }
        Containers.ExecResult result = containers.execAsRoot(topology.holder(slow), COMMAND, "sh", "-c", script.toString());
        if (result.exitCode() == 3) {
            throw new LabException("a latency needs the kernel's netem queueing discipline (sch_netem), which this machine's kernel lacks ("
                    + result.output().lines().filter(line -> !line.startsWith("Warning")).reduce((a, b) -> b).orElse("").trim()
                    + "): delay cannot be injected here; the other faults work");
        }
        check(result, "add a " + delay + " delay to " + fault.node());
    }

    void pause(Fault.Pause fault) {
        containers.pause(nodeContainer(fault.node()));
    }

    /** Thaws a paused NODE; one that is not paused is left as it is. */
    public void resume(String node) {
        containers.unpause(nodeContainer(node));
    }

    void crash(Fault.Crash fault) {
        String container = nodeContainer(fault.node());
        // A paused container ignores signals until it is thawed.
        containers.unpause(container);
        if (containers.state(container).running()) {
            containers.kill(container, "SIGKILL");
        }
    }

    /** Starts a crashed (or stopped) NODE again, with the same identity: its holder kept its addresses and names. */
    public void start(String node) {
        containers.start(nodeContainer(node));
    }

    void cut(Fault.Cut fault) {
        topology.service(fault.service());
        requireRunning();
        lab.cut(fault.service());
    }

    void reconnect(String service) {
        topology.service(service);
        requireRunning();
        lab.heal(service);
    }

    /** Removes every packet fault of NODES (checked first), side by side. */
    void healPackets(List<String> nodes) {
        List<LabService> targets = nodes.stream().map(this::node).toList();
        requireRunning();
        Parallel.forEach(targets, target -> {
            String holder = topology.holder(target);
            check(containers.execAsRoot(holder, COMMAND, "sh", "-c", PacketRules.heal()), "remove the faults of " + target.getName());
        });
    }

    /** Back to a fully connected, running lab: every fault of every service undone; returns what was healed. */
    public List<String> heal() {
        return heal((String) null);
    }

    /**
     * Back to a fully connected, running lab: every holder's packet faults removed, paused nodes
     * resumed, stopped ones started, cut ones reconnected. With SERVICE, only that service's.
     */
    public List<String> heal(String service) {
        List<LabService> targets = service == null || service.isBlank() ? topology.services() : List.of(topology.service(service.trim()));
        requireRunning();
        List<String> healed = new ArrayList<>();
        Parallel.forEach(targets, target -> {
            List<String> done = healOne(target);
            synchronized (healed) {
                healed.addAll(done);
            }
        });
        return healed;
    }

    private List<String> healOne(LabService service) {
        List<String> done = new ArrayList<>();
        String holder = topology.holder(service);
        Map<String, Integer> active = PacketRules.active(containers.execAsRoot(holder, COMMAND, "sh", "-c", PacketRules.list()).output());
        if (!active.isEmpty()) {
            check(containers.execAsRoot(holder, COMMAND, "sh", "-c", PacketRules.heal()), "remove the faults of " + service.getName());
            active.keySet().forEach(fault -> done.add(service.getName() + ": " + fault));
        }
        if (!lab.isConnected(service.getName())) {
            lab.heal(service.getName());
            done.add(service.getName() + ": cut");
        }
        if (!service.getImage().isEmpty()) {
            String container = topology.container(service);
            ContainerState state = state(container);
            if (state.paused()) {
                containers.unpause(container);
                done.add(service.getName() + ": paused");
            } else if (!state.running()) {
                containers.start(container);
                done.add(service.getName() + ": " + state.status());
            }
        }
        return done;
    }

    /** The faults active now, per service: packet faults from the rules, and paused, stopped or cut services. */
    public Map<String, List<String>> active() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        Parallel.forEach(topology.services(), service -> {
            List<String> faults = new ArrayList<>();
            String holder = topology.holder(service);
            try {
                faults.addAll(PacketRules.active(containers.execAsRoot(holder, COMMAND, "sh", "-c", PacketRules.list()).output()).keySet());
                if (!lab.isConnected(service.getName())) {
                    faults.add("cut");
                }
                if (!service.getImage().isEmpty()) {
                    ContainerState state = state(topology.container(service));
                    if (state.paused()) {
                        faults.add("paused");
                    } else if (!state.running()) {
                        faults.add(state.killed() ? "crashed" : state.status());
                    }
                }
            } catch (RuntimeException e) {
                faults.add("unknown (" + e.getMessage() + ")");
            }
            synchronized (result) {
                result.put(service.getName(), faults);
            }
        });
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        topology.services().forEach(s -> ordered.put(s.getName(), result.get(s.getName())));
        return ordered;
    }

    private void rules(LabService node, String fault, List<PacketRules.Drop> drops) {
        check(containers.execAsRoot(topology.holder(node), COMMAND, "sh", "-c", PacketRules.apply(fault, drops)), fault + " on " + node.getName());
    }

    private static void check(Containers.ExecResult result, String what) {
        if (result.exitCode() != 0) {
            throw new LabException("could not " + what + ": " + result.output().trim().lines().reduce((a, b) -> b).orElse("exit " + result.exitCode()));
        }
    }

    private LabService node(String name) {
        if (name == null || name.isBlank()) {
            throw new LabException("no node named: name one of " + topology.nodeNames());
        }
        LabService service = topology.service(name.trim());
        if (!service.isNode()) {
            throw new LabException(name + " is not an Openfire node: name one of " + topology.nodeNames());
        }
        return service;
    }

    private String nodeContainer(String name) {
        LabService node = node(name);
        requireRunning();
        return topology.container(node);
    }

    /** The other nodes of NODE's cluster (its domain's nodes): isolate, loss and latency act between them, never on server-to-server traffic. */
    private List<LabService> peersOf(LabService node) {
        return topology.nodesOf(node.getDomain()).stream().filter(other -> !other.equals(node)).toList();
    }

    private List<String> addresses(LabService service) {
        return topology.addresses(service);
    }

    /** Every holder is running: faults need a lab, and one that is not (fully) there is refused before anything changes. */
    private void requireRunning() {
        for (LabService service : topology.services()) {
            String holder = topology.holder(service);
            ContainerState state = state(holder);
            if (!state.running()) {
                throw new LabException("the lab is not running (" + holder + " is " + state.status() + "): start it first (README \"Quick start\")");
            }
        }
    }

    private ContainerState state(String container) {
        ContainerState state = containers.state(container);
        if (!state.exists()) {
            throw new LabException("the lab is not running (there is no " + container + "): start it first (README \"Quick start\")");
        }
        return state;
    }
}
