package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Freezes a node's processes, sockets kept (docker pause): {@code lab:pause -Dlab.service=xmpp1} (or {@code route:DOMAIN}). */
@Mojo(name = "pause", threadSafe = true)
public class PauseMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        NodeTarget node = node(service);
        faults.apply(new Fault.Pause(node.name()));
        return "paused " + node + "; resume it by that name";
    }

    @Override
    protected String undo() {
        return "lab:resume (or lab:heal)";
    }
}
