package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Drops all traffic between a node and the other nodes of its cluster, both families: {@code lab:isolate -Dlab.service=xmpp3} (or {@code route:DOMAIN}). */
@Mojo(name = "isolate", threadSafe = true)
public class IsolateMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        NodeTarget node = node(service);
        faults.apply(new Fault.Isolate(node.name()));
        return "isolated " + node + " from the other nodes of its cluster";
    }
}
