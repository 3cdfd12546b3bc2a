package io.openfirecluster.checker.scenario;

import io.openfirecluster.control.Fault;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.Topology;
import java.util.List;

/**
 * A fault timeline for a consistency run: {@code none}, or FAULT-NODE (e.g. {@code isolate-xmpp3}),
 * applied a quarter into the workload and healed at half time, so the history has traffic before,
 * during and after the fault. The fault is a lab-control {@link Fault} value (the same as the
 * lab:... goals make); NAME is how the run and its reports call it.
 */
public record Scenario(String name, Fault fault) {
    /** The faults a scenario can name; "partition" puts NODE alone against the rest, "loss" loses 20 %. */
    public static final List<String> FAULTS = List.of("isolate", "partition", "crash", "pause", "dbcut", "loss");
    private static final int LOSS_PERCENT = 20;

    /** NAME checked against the lab's nodes; one line naming what is wrong otherwise. */
    public static Scenario parse(String name, Topology topology) {
        String text = name == null ? "" : name.trim();
        if (text.equals("none")) {
            return new Scenario("none", null);
        }
        int dash = text.indexOf('-');
        String kind = dash < 0 ? text : text.substring(0, dash);
        String node = dash < 0 ? "" : text.substring(dash + 1);
        if (!FAULTS.contains(kind) || !topology.nodeNames().contains(node)) {
            throw new LabException("lab.scenario=" + name + " is not a scenario: give none or FAULT-NODE with FAULT one of " + FAULTS
                    + " and NODE one of " + topology.nodeNames() + ", e.g. -Dlab.scenario=isolate-" + topology.nodeNames().get(topology.nodeNames().size() - 1));
        }
        if (kind.equals("partition") && topology.nodeNames().size() < 2) {
            throw new LabException("lab.scenario=" + name + " needs two nodes or more; this lab has " + topology.nodeNames().size());
        }
        Fault fault = switch (kind) {
            case "isolate" -> new Fault.Isolate(node);
            case "partition" -> Fault.Partition.alone(node, topology.nodeNames());
            case "crash" -> new Fault.Crash(node);
            case "pause" -> new Fault.Pause(node);
            case "dbcut" -> new Fault.Dbcut(node);
            case "loss" -> new Fault.Loss(node, LOSS_PERCENT);
            default -> throw new IllegalStateException(kind);
        };
        return new Scenario(text, fault);
    }

    public boolean hasFault() {
        return fault != null;
    }
}
