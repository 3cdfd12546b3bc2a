package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Drops packets from one node to another, one way only: {@code lab:oneway -Dlab.from=xmpp1 -Dlab.to=xmpp2} (either may be {@code route:DOMAIN}). */
@Mojo(name = "oneway", threadSafe = true)
public class OnewayMojo extends FaultMojo {
    @Parameter(property = "lab.from", required = true)
    private String from;

    @Parameter(property = "lab.to", required = true)
    private String to;

    @Override
    protected String apply(Faults faults) {
        NodeTarget sender = node(from);
        NodeTarget receiver = node(to);
        faults.apply(new Fault.Oneway(sender.name(), receiver.name()));
        return "dropping packets from " + sender + " to " + receiver + " (" + receiver.name() + " to " + sender.name() + " still flows)";
    }
}
