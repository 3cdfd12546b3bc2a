package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** A node loses the database and keeps everything else: {@code lab:dbcut -Dlab.service=xmpp2}. */
@Mojo(name = "dbcut", threadSafe = true)
public class DbcutMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        faults.apply(new Fault.Dbcut(service));
        return service + " has lost the database";
    }
}
