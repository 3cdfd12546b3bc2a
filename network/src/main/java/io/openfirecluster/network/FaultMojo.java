package io.openfirecluster.network;

import io.openfirecluster.control.Faults;
import io.openfirecluster.control.LabNetwork;

/** A goal that applies or mends a fault on the running lab, and says what it did, how long that took and how to undo it. */
abstract class FaultMojo extends AbstractLabMojo {
    @Override
    protected final void execute(LabNetwork lab) {
        long start = System.nanoTime();
        String done = apply(new Faults(lab));
        String undo = undo();
        getLog().info(done + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)" + (undo.isEmpty() ? "" : "; see it with lab:status, undo it with " + undo));
    }

    /** Applies the fault (or mends one); returns what was done, for the log. */
    protected abstract String apply(Faults faults);

    /** The goal that undoes what this one did; empty for a goal that mends. */
    protected String undo() {
        return "lab:heal";
    }
}
