package io.openfirecluster.control;

import io.openfirecluster.topology.LabException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One fault of the lab as a value, like the operations Jepsen's nemesis takes: which nodes, which
 * groups, how many percent, how long a delay. A value checks at construction what it can alone
 * (a percentage from 0 to 100, two different nodes, every node in one group only); {@link Faults}
 * checks it against the lab's topology and the running lab before anything changes, then makes it
 * ({@link Faults#apply}) and undoes it ({@link Faults#heal(Fault)}). Errors name nodes and values,
 * never how a user typed them: parsing text into a fault is for the goals and the scenarios.
 */
public sealed interface Fault permits Fault.Isolate, Fault.Partition, Fault.Oneway, Fault.Dbcut, Fault.Loss,
        Fault.Latency, Fault.Pause, Fault.Crash, Fault.Cut, Fault.S2sCut {

    /** Makes this fault on the lab FAULTS acts on; checked first, so bad input changes nothing. */
    void apply(Faults faults);

    /** Undoes this fault: what it changed is as before (a packet fault's node loses all its packet faults). */
    void heal(Faults faults);

    /** All traffic between NODE and the other nodes of its cluster is dropped; clients, the load balancer, the database and other domains still reach it. */
    record Isolate(String node) implements Fault {
        public Isolate {
            node = name(node, "isolate");
        }

        @Override
        public void apply(Faults faults) {
            faults.isolate(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.healPackets(List.of(node));
        }
    }

    /** Nodes reach only the nodes of their own group: two groups or more, every node of one cluster (domain) in exactly one. */
    record Partition(List<List<String>> groups) implements Fault {
        public Partition {
            if (groups == null || groups.size() < 2) {
                throw new LabException("a partition of " + groups + " is not two or more groups of nodes: give every node a group, e.g. [[xmpp1, xmpp2], [xmpp3]]");
            }
            Set<String> named = new HashSet<>();
            List<List<String>> copy = new ArrayList<>();
            for (List<String> group : groups) {
                if (group == null || group.isEmpty()) {
                    throw new LabException("a partition of " + groups + " has an empty group: every group needs a node");
                }
                List<String> members = new ArrayList<>();
                for (String node : group) {
                    String name = name(node, "partition");
                    if (!named.add(name)) {
                        throw new LabException("a partition of " + groups + " names " + name + " twice: name every node exactly once");
                    }
                    members.add(name);
                }
                copy.add(List.copyOf(members));
            }
            groups = List.copyOf(copy);
        }

        /** NODE alone against the other NODES. */
        public static Partition alone(String node, List<String> nodes) {
            return new Partition(List.of(List.of(node), nodes.stream().filter(other -> !other.equals(node)).toList()));
        }

        /** Every node the groups name. */
        public List<String> nodes() {
            return groups.stream().flatMap(List::stream).toList();
        }

        /** The groups as the lab's rules and status show them: xmpp1,xmpp2|xmpp3. */
        @Override
        public String toString() {
            return String.join("|", groups.stream().map(group -> String.join(",", group)).toList());
        }

        @Override
        public void apply(Faults faults) {
            faults.partition(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.healPackets(nodes());
        }
    }

    /** Packets from FROM to TO are dropped; TO to FROM still flows. */
    record Oneway(String from, String to) implements Fault {
        public Oneway {
            from = name(from, "one-way fault");
            to = name(to, "one-way fault");
            if (from.equals(to)) {
                throw new LabException("a one-way fault from " + from + " to " + to + " names one node twice (both " + from + "): name two different nodes");
            }
        }

        @Override
        public void apply(Faults faults) {
            faults.oneway(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.healPackets(List.of(from));
        }
    }

    /** NODE loses the database and keeps everything else. */
    record Dbcut(String node) implements Fault {
        public Dbcut {
            node = name(node, "database cut");
        }

        @Override
        public void apply(Faults faults) {
            faults.dbcut(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.healPackets(List.of(node));
        }
    }

    /** A random PERCENT (0 to 100) of NODE's packets to and from the other nodes of its cluster is lost. */
    record Loss(String node, int percent) implements Fault {
        public Loss {
            node = name(node, "loss");
            if (percent < 0 || percent > 100) {
                throw new LabException("a loss of " + percent + "% is not a percentage from 0 to 100: give e.g. 20");
            }
        }

        @Override
        public void apply(Faults faults) {
            faults.loss(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.healPackets(List.of(node));
        }
    }

    /** NODE's packets to the other nodes of its cluster are delayed by DELAY (more than zero, whole milliseconds). */
    record Latency(String node, Duration delay) implements Fault {
        public Latency {
            node = name(node, "latency");
            if (delay == null || delay.toMillis() <= 0 || !delay.equals(Duration.ofMillis(delay.toMillis()))) {
                throw new LabException("a latency of " + delay + " is not a delay: give whole milliseconds above zero, e.g. 200 ms");
            }
        }

        @Override
        public void apply(Faults faults) {
            faults.latency(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.healPackets(List.of(node));
        }
    }

    /** NODE's processes are frozen (docker pause): a JVM that stops answering but keeps its sockets. Healed: resumed. */
    record Pause(String node) implements Fault {
        public Pause {
            node = name(node, "pause");
        }

        @Override
        public void apply(Faults faults) {
            faults.pause(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.resume(node);
        }
    }

    /** NODE is killed with SIGKILL: no shutdown, no goodbye to the cluster. Healed: started again with the same identity. */
    record Crash(String node) implements Fault {
        public Crash {
            node = name(node, "crash");
        }

        @Override
        public void apply(Faults faults) {
            faults.crash(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.start(node);
        }
    }

    /** SERVICE (any, not only a node) is cut off the lab network and keeps running and its addresses. Healed: reconnected. */
    record Cut(String service) implements Fault {
        public Cut {
            service = name(service, "cut");
        }

        @Override
        public void apply(Faults faults) {
            faults.cut(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.reconnect(service);
        }
    }

    /**
     * NODE loses the servers of another XMPP domain, both ways: its server-to-server connections
     * to DOMAIN's services, or to every other domain's when DOMAIN is blank. It keeps its cluster
     * peers, its database and its clients.
     */
    record S2sCut(String node, String domain) implements Fault {
        public S2sCut {
            node = name(node, "server-to-server cut");
            domain = domain == null ? "" : domain.trim();
        }

        @Override
        public void apply(Faults faults) {
            faults.s2scut(this);
        }

        @Override
        public void heal(Faults faults) {
            faults.healPackets(List.of(node));
        }
    }

    private static String name(String node, String fault) {
        if (node == null || node.isBlank()) {
            throw new LabException("a " + fault + " names no node: name one of the lab's nodes");
        }
        return node.trim();
    }
}
