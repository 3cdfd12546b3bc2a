package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** A node loses the database and keeps everything else: {@code lab:dbcut -Dlab.service=xmpp2} (or {@code route:DOMAIN}). */
@Mojo(name = "dbcut", threadSafe = true)
public class DbcutMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        NodeTarget node = node(service);
        faults.apply(new Fault.Dbcut(node.name()));
        return node + " has lost the database";
    }
}
