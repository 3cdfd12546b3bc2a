package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Random loss of a share of a node's packets to and from its peers: {@code lab:loss -Dlab.service=xmpp2 -Dlab.percent=20} (or {@code route:DOMAIN}). */
@Mojo(name = "loss", threadSafe = true)
public class LossMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Parameter(property = "lab.percent", required = true)
    private String percent;

    @Override
    protected String apply(Faults faults) {
        int share = FaultArguments.percent(percent);
        NodeTarget node = node(service);
        Fault.Loss loss = new Fault.Loss(node.name(), share);
        faults.apply(loss);
        return "losing " + loss.percent() + "% of the packets of " + node + " to and from its peers";
    }
}
