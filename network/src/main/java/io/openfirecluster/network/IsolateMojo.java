package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Drops all traffic between a node and the other nodes, both families: {@code lab:isolate -Dlab.service=xmpp3}. */
@Mojo(name = "isolate", threadSafe = true)
public class IsolateMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        faults.apply(new Fault.Isolate(service));
        return "isolated " + service + " from the other nodes";
    }
}
