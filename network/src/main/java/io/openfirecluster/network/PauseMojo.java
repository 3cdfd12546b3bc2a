package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Freezes a node's processes, sockets kept (docker pause): {@code lab:pause -Dlab.service=xmpp1}. */
@Mojo(name = "pause", threadSafe = true)
public class PauseMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        faults.apply(new Fault.Pause(service));
        return "paused " + service;
    }

    @Override
    protected String undo() {
        return "lab:resume (or lab:heal)";
    }
}
