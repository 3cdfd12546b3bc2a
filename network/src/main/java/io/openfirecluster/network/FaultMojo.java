package io.openfirecluster.network;

import io.openfirecluster.control.Faults;
import io.openfirecluster.control.LabNetwork;

/** A goal that applies or heals a fault on the running lab, and says how long that took. */
abstract class FaultMojo extends AbstractLabMojo {
    @Override
    protected final void execute(LabNetwork lab) {
        long start = System.nanoTime();
        String done = apply(new Faults(lab));
        getLog().info(done + " (" + (System.nanoTime() - start) / 1_000_000 + " ms); see it with lab:status, undo it with lab:heal");
    }

    /** Applies the fault; returns what was done, for the log. */
    protected abstract String apply(Faults faults);
}
