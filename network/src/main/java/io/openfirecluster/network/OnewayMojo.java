package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Drops packets from one node to another, one way only: {@code lab:oneway -Dlab.from=xmpp1 -Dlab.to=xmpp2}. */
@Mojo(name = "oneway", threadSafe = true)
public class OnewayMojo extends FaultMojo {
    @Parameter(property = "lab.from", required = true)
    private String from;

    @Parameter(property = "lab.to", required = true)
    private String to;

    @Override
    protected String apply(Faults faults) {
        faults.apply(new Fault.Oneway(from, to));
        return "dropping packets from " + from + " to " + to + " (" + to + " to " + from + " still flows)";
    }
}
