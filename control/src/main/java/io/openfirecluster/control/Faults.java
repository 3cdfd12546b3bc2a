package io.openfirecluster.control;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Breaks a running lab the ways real networks and JVMs fail, and mends it (Jepsen's nemesis: it
 * only makes faults; what they did is for others to observe). Packet faults are iptables rules in
 * the address holders' namespaces ({@link PacketRules}); pause, crash and start act on the node
 * containers. Every input is checked, and the lab found running, before anything changes; applying
 * a fault twice is harmless; {@link #heal} undoes everything (or one node's faults).
 */
public final class Faults {
    private static final Duration COMMAND = Duration.ofSeconds(10);
    private static final Pattern DELAY = Pattern.compile("(\\d{1,5})(ms|s)");

    private final LabNetwork lab;
    private final Topology topology;

    public Faults(LabNetwork lab) {
        this.lab = lab;
        this.topology = lab.topology();
    }

    /** All traffic between NODE and the other nodes is dropped; clients, the load balancer and the database still reach it. */
    public void isolate(String node) {
        LabService isolated = node(node);
        requireRunning();
        rules(isolated, "isolate", peersOf(isolated).stream().flatMap(peer -> addresses(peer).stream()).map(PacketRules.Drop::both).toList());
    }

    /** Nodes reach only the nodes of their own group; GROUPS is e.g. "xmpp1,xmpp2|xmpp3", every node named exactly once. */
    public void partition(String groups) {
        List<List<LabService>> split = parseGroups(groups);
        requireRunning();
        String fault = "partition " + groups.replace(" ", "");
        Map<LabService, List<PacketRules.Drop>> plan = new LinkedHashMap<>();
        for (List<LabService> group : split) {
            for (LabService node : group) {
                plan.put(node, topology.nodes().stream().filter(other -> !group.contains(other))
                        .flatMap(other -> addresses(other).stream()).map(PacketRules.Drop::both).toList());
            }
        }
        Parallel.forEach(List.copyOf(plan.entrySet()), entry -> rules(entry.getKey(), fault, entry.getValue()));
    }

    /** Packets from FROM to TO are dropped; TO to FROM still flows. */
    public void oneway(String from, String to) {
        LabService sender = node(from);
        LabService receiver = node(to);
        if (sender.equals(receiver)) {
            throw new LabException("lab.from and lab.to are both " + from + ": name two different nodes");
        }
        requireRunning();
        rules(sender, "oneway " + from + "->" + to, addresses(receiver).stream().map(PacketRules.Drop::outbound).toList());
    }

    /** NODE loses the database and keeps everything else. */
    public void dbcut(String node) {
        LabService cut = node(node);
        // The database is what a node starts after (its <after> in the topology).
        List<LabService> database = topology.after(cut);
        if (database.isEmpty()) {
            throw new LabException(node + " starts after no service, so the lab does not know its database: set <after> in the node template");
        }
        requireRunning();
        rules(cut, "dbcut", database.stream().flatMap(db -> addresses(db).stream()).map(PacketRules.Drop::refused).toList());
    }

    /** A random PERCENT of NODE's packets to and from the other nodes is lost. */
    public void loss(String node, String percent) {
        LabService lossy = node(node);
        int share = percent(percent);
        requireRunning();
        rules(lossy, "loss " + share + "%", peersOf(lossy).stream().flatMap(peer -> addresses(peer).stream())
                .map(address -> PacketRules.Drop.share(address, share)).toList());
    }

    /**
     * Delays NODE's packets to the other nodes by DELAY (e.g. 200ms) with tc netem: an htb root
     * whose second class, for the peers' addresses, holds the netem qdisc. Kernels without sch_netem
     * (this lab's CI machine) cannot: it says so in one line and leaves the namespace as it was.
     */
    public void latency(String node, String delay) {
        LabService slow = node(node);
        if (delay == null || !DELAY.matcher(delay.trim()).matches()) {
            throw new LabException("lab.delay=" + delay + " is not a delay: give milliseconds or seconds, e.g. -Dlab.delay=200ms");
        }
        requireRunning();
        StringBuilder script = new StringBuilder("set -e\ndev=$(ls /sys/class/net | grep -v '^lo$' | head -n 1)\n")
                .append("tc qdisc del dev $dev root 2>/dev/null || true\n")
                .append("tc qdisc add dev $dev root handle 1: htb default 1\n")
                .append("tc class add dev $dev parent 1: classid 1:1 htb rate 10gbit\n")
                .append("tc class add dev $dev parent 1: classid 1:2 htb rate 10gbit\n")
                .append("if ! tc qdisc add dev $dev parent 1:2 handle 20: netem delay ").append(delay.trim()).append(" 2>/tmp/netem; then\n")
                .append("  tc qdisc del dev $dev root; cat /tmp/netem >&2; exit 3\nfi\n");
        for (LabService peer : peersOf(slow)) {
            for (String address : addresses(peer)) {
                script.append("tc filter add dev $dev parent 1: protocol ").append(address.contains(":") ? "ipv6" : "ip")
                        .append(" u32 match ").append(address.contains(":") ? "ip6 dst " + address + "/128" : "ip dst " + address + "/32")
                        .append(" flowid 1:2\n");
            }
        }
        LabNetwork.ExecResult result = lab.execAsRoot(topology.holder(slow), COMMAND, "sh", "-c", script.toString());
        if (result.exitCode() == 3) {
            throw new LabException("lab:latency needs the kernel's netem queueing discipline (sch_netem), which this machine's kernel lacks ("
                    + result.output().lines().filter(line -> !line.startsWith("Warning")).reduce((a, b) -> b).orElse("").trim()
                    + "): delay cannot be injected here; the other faults work");
        }
        check(result, "add a " + delay + " delay to " + node);
    }

    /** Freezes NODE's processes (docker pause): a JVM that stops answering but keeps its sockets. */
    public void pause(String node) {
        String container = nodeContainer(node);
        if (!state(container).getPaused()) {
            lab.docker().pauseContainerCmd(container).exec();
        }
    }

    public void resume(String node) {
        String container = nodeContainer(node);
        if (state(container).getPaused()) {
            lab.docker().unpauseContainerCmd(container).exec();
        }
    }

    /** Kills NODE with SIGKILL: no shutdown, no goodbye to the cluster. */
    public void crash(String node) {
        String container = nodeContainer(node);
        if (state(container).getPaused()) {
            lab.docker().unpauseContainerCmd(container).exec();
        }
        if (state(container).getRunning()) {
            lab.docker().killContainerCmd(container).withSignal("SIGKILL").exec();
        }
    }

    /** Starts a crashed (or stopped) NODE again, with the same identity: its holder kept its addresses and names. */
    public void start(String node) {
        String container = nodeContainer(node);
        if (!state(container).getRunning()) {
            lab.docker().startContainerCmd(container).exec();
        }
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
        Map<String, Integer> active = PacketRules.active(lab.execAsRoot(holder, COMMAND, "sh", "-c", PacketRules.list()).output());
        if (!active.isEmpty()) {
            check(lab.execAsRoot(holder, COMMAND, "sh", "-c", PacketRules.heal()), "remove the faults of " + service.getName());
            active.keySet().forEach(fault -> done.add(service.getName() + ": " + fault));
        }
        if (!lab.isConnected(service.getName())) {
            lab.heal(service.getName());
            done.add(service.getName() + ": cut");
        }
        if (!service.getImage().isEmpty()) {
            String container = topology.container(service);
            InspectContainerResponse.ContainerState state = state(container);
            if (state.getPaused()) {
                lab.docker().unpauseContainerCmd(container).exec();
                done.add(service.getName() + ": paused");
            } else if (!state.getRunning()) {
                lab.docker().startContainerCmd(container).exec();
                done.add(service.getName() + ": " + state.getStatus());
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
                faults.addAll(PacketRules.active(lab.execAsRoot(holder, COMMAND, "sh", "-c", PacketRules.list()).output()).keySet());
                if (!lab.isConnected(service.getName())) {
                    faults.add("cut");
                }
                if (!service.getImage().isEmpty()) {
                    InspectContainerResponse.ContainerState state = state(topology.container(service));
                    if (state.getPaused()) {
                        faults.add("paused");
                    } else if (!state.getRunning()) {
                        faults.add(state.getExitCodeLong() != null && state.getExitCodeLong() == 137 ? "crashed" : state.getStatus());
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
        check(lab.execAsRoot(topology.holder(node), COMMAND, "sh", "-c", PacketRules.apply(fault, drops)), fault + " on " + node.getName());
    }

    private static void check(LabNetwork.ExecResult result, String what) {
        if (result.exitCode() != 0) {
            throw new LabException("could not " + what + ": " + result.output().trim().lines().reduce((a, b) -> b).orElse("exit " + result.exitCode()));
        }
    }

    private LabService node(String name) {
        if (name == null || name.isBlank()) {
            throw new LabException("no node named: give one with -Dlab.service (one of " + topology.nodeNames() + ")");
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

    private List<LabService> peersOf(LabService node) {
        return topology.nodes().stream().filter(other -> !other.equals(node)).toList();
    }

    private List<String> addresses(LabService service) {
        return topology.addresses(service);
    }

    private List<List<LabService>> parseGroups(String groups) {
        if (groups == null || groups.isBlank() || !groups.contains("|")) {
            throw new LabException("lab.groups=" + groups + " is not two or more groups of nodes: give e.g. -Dlab.groups=xmpp1,xmpp2|xmpp3");
        }
        List<List<LabService>> split = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (String group : groups.split("\\|", -1)) {
            List<LabService> members = new ArrayList<>();
            for (String name : group.split(",")) {
                if (name.isBlank()) {
                    throw new LabException("lab.groups=" + groups + " has an empty group or name: give e.g. -Dlab.groups=xmpp1,xmpp2|xmpp3");
                }
                LabService node = node(name);
                if (!named.add(node.getName())) {
                    throw new LabException("lab.groups=" + groups + " names " + node.getName() + " twice: name every node exactly once");
                }
                members.add(node);
            }
            split.add(members);
        }
        List<String> left = topology.nodeNames().stream().filter(n -> !named.contains(n)).toList();
        if (!left.isEmpty()) {
            throw new LabException("lab.groups=" + groups + " leaves out " + left + ": name every node exactly once");
        }
        return split;
    }

    private static int percent(String percent) {
        try {
            int value = Integer.parseInt(percent == null ? "" : percent.trim().replace("%", ""));
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LabException("lab.percent=" + percent + " is not a percentage from 0 to 100: give e.g. -Dlab.percent=20");
    }

    /** Every holder is running: faults need a lab, and one that is not (fully) there is refused before anything changes. */
    private void requireRunning() {
        for (LabService service : topology.services()) {
            String holder = topology.holder(service);
            try {
                if (!state(holder).getRunning()) {
                    throw new LabException("the lab is not running (" + holder + " is " + state(holder).getStatus() + "): start it first (README \"Quick start\")");
                }
            } catch (NotFoundException e) {
                throw new LabException("the lab is not running (there is no " + holder + "): start it first (README \"Quick start\")");
            }
        }
    }

    private InspectContainerResponse.ContainerState state(String container) {
        try {
            return lab.docker().inspectContainerCmd(container).exec().getState();
        } catch (NotFoundException e) {
            throw new LabException("the lab is not running (there is no " + container + "): start it first (README \"Quick start\")");
        }
    }
}
