package io.openfirecluster.network;

import io.openfirecluster.control.Faults;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.RouteHolders;
import io.openfirecluster.topology.LabException;

/** A goal that applies or mends a fault on the running lab, and says what it did, how long that took and how to undo it. */
abstract class FaultMojo extends AbstractLabMojo {
    private LabNetwork lab;

    @Override
    protected final void execute(LabNetwork lab) {
        this.lab = lab;
        long start = System.nanoTime();
        String done = apply(new Faults(lab));
        String undo = undo();
        getLog().info(done + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)" + (undo.isEmpty() ? "" : "; see it with lab:status, undo it with " + undo));
    }

    /**
     * The node TEXT names: a node's name, or "route:DOMAIN", resolved now to the node Openfire's
     * routing tables name as holding the outgoing route to DOMAIN (one line, before anything
     * changes, when DOMAIN is no domain of the lab or no node holds that route).
     */
    protected NodeTarget node(String text) {
        return NodeTarget.of(text, target -> RouteHolders.resolve(lab, target));
    }

    /**
     * The node TEXT names by its own name, for the goals that bring a node back (start, resume):
     * a crashed or frozen node holds no route any more, so "route:DOMAIN" is refused in one line.
     */
    protected String nodeByName(String text, String goal) {
        if (RouteHolders.isRoute(text)) {
            throw new LabException("lab.service=" + text.trim() + ": lab:" + goal + " takes the node's own name (a node that is down holds no route);"
                    + " lab:status lists the nodes");
        }
        return text;
    }

    /** Applies the fault (or mends one); returns what was done, for the log. */
    protected abstract String apply(Faults faults);

    /** The goal that undoes what this one did; empty for a goal that mends. */
    protected String undo() {
        return "lab:heal";
    }
}
