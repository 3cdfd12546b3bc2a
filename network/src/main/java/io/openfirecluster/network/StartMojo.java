package io.openfirecluster.network;

import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Starts a crashed node again with the same identity: {@code lab:start -Dlab.service=xmpp2}. */
@Mojo(name = "start", threadSafe = true)
public class StartMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        faults.start(nodeByName(service, "start"));
        return "started " + service + " again";
    }

    @Override
    protected String undo() {
        return "";
    }
}
