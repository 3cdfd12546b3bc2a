package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Kills a node with SIGKILL: {@code lab:crash -Dlab.service=xmpp2}. */
@Mojo(name = "crash", threadSafe = true)
public class CrashMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        faults.apply(new Fault.Crash(service));
        return "killed " + service + " (SIGKILL)";
    }

    @Override
    protected String undo() {
        return "lab:start (or lab:heal)";
    }
}
