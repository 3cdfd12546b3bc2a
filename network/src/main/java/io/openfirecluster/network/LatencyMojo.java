package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Adds delay to a node's packets to its peers (tc netem; needs a kernel with sch_netem): {@code lab:latency -Dlab.service=xmpp2 -Dlab.delay=200ms} (or {@code route:DOMAIN}). */
@Mojo(name = "latency", threadSafe = true)
public class LatencyMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Parameter(property = "lab.delay", required = true)
    private String delay;

    @Override
    protected String apply(Faults faults) {
        java.time.Duration by = FaultArguments.delay(delay);
        NodeTarget node = node(service);
        Fault.Latency latency = new Fault.Latency(node.name(), by);
        faults.apply(latency);
        return "delaying the packets of " + node + " to its peers by " + latency.delay().toMillis() + " ms";
    }
}
