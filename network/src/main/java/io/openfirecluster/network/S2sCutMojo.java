package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A node loses the servers of another XMPP domain, both ways, and keeps its cluster peers, its
 * database and its clients: {@code lab:s2scut -Dlab.service=xmpp2 [-Dlab.domain=otherxmpp.localhost.example]}
 * (without lab.domain: every other domain; the service may be {@code route:DOMAIN}, the route's holder).
 */
@Mojo(name = "s2scut", threadSafe = true)
public class S2sCutMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    /** The other domain whose servers the node loses; none: every other domain's. */
    @Parameter(property = "lab.domain")
    private String domain;

    @Override
    protected String apply(Faults faults) {
        NodeTarget node = node(service);
        Fault.S2sCut cut = new Fault.S2sCut(node.name(), domain);
        faults.apply(cut);
        return "cut " + node + " off the servers of " + (cut.domain().isEmpty() ? "every other domain" : cut.domain())
                + " (both ways; it keeps its cluster peers, database and clients)";
    }
}
