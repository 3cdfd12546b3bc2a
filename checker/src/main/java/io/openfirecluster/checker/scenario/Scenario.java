package io.openfirecluster.checker.scenario;

import io.openfirecluster.control.Faults;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.Topology;
import java.util.List;

/**
 * A fault timeline for a consistency run: {@code none}, or FAULT-NODE (e.g. {@code isolate-xmpp3}),
 * applied a quarter into the workload and healed at half time, so the history has traffic before,
 * during and after the fault. The faults are lab-control's (the same as the lab:... goals).
 */
public record Scenario(String name, String fault, String node) {
    /** The faults a scenario can name; "partition" puts NODE alone against the rest. */
    public static final List<String> FAULTS = List.of("isolate", "partition", "crash", "pause", "dbcut", "loss");

    /** NAME checked against the lab's nodes; one line naming what is wrong otherwise. */
    public static Scenario parse(String name, Topology topology) {
        String text = name == null ? "" : name.trim();
        if (text.equals("none")) {
            return new Scenario("none", null, null);
        }
        int dash = text.indexOf('-');
        String fault = dash < 0 ? text : text.substring(0, dash);
        String node = dash < 0 ? "" : text.substring(dash + 1);
        if (!FAULTS.contains(fault) || !topology.nodeNames().contains(node)) {
            throw new LabException("lab.scenario=" + name + " is not a scenario: give none or FAULT-NODE with FAULT one of " + FAULTS
                    + " and NODE one of " + topology.nodeNames() + ", e.g. -Dlab.scenario=isolate-" + topology.nodeNames().get(topology.nodeNames().size() - 1));
        }
        if (fault.equals("partition") && topology.nodeNames().size() < 2) {
            throw new LabException("lab.scenario=" + name + " needs two nodes or more; this lab has " + topology.nodeNames().size());
        }
        return new Scenario(text, fault, node);
    }

    public boolean hasFault() {
        return fault != null;
    }

    void apply(Faults faults, Topology topology) {
        switch (fault) {
            case "isolate" -> faults.isolate(node);
            case "partition" -> faults.partition(node + "|" + String.join(",", topology.nodeNames().stream().filter(n -> !n.equals(node)).toList()));
            case "crash" -> faults.crash(node);
            case "pause" -> faults.pause(node);
            case "dbcut" -> faults.dbcut(node);
            case "loss" -> faults.loss(node, "20");
            default -> throw new IllegalStateException(fault);
        }
    }

    /** Heal: a crashed node is started again and a paused one resumed; every other fault is lab:heal's. */
    void heal(Faults faults) {
        switch (fault) {
            case "crash" -> faults.start(node);
            case "pause" -> faults.resume(node);
            default -> faults.heal(null);
        }
    }
}
