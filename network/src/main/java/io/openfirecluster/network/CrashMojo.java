package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Kills a node with SIGKILL: {@code lab:crash -Dlab.service=xmpp2} (or {@code route:DOMAIN}, the route's holder). */
@Mojo(name = "crash", threadSafe = true)
public class CrashMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        NodeTarget node = node(service);
        faults.apply(new Fault.Crash(node.name()));
        return "crashed " + node + " (SIGKILL)";
    }

    @Override
    protected String undo() {
        return "lab:start (or lab:heal)";
    }
}
