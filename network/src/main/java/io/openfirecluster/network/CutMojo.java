package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Cuts one service off the lab network (split-brain): {@code mvn lab:cut -Dlab.service=xmpp3} (or {@code route:DOMAIN}, the route's holder). */
@Mojo(name = "cut", threadSafe = true)
public class CutMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        NodeTarget target = node(service);
        faults.apply(new Fault.Cut(target.name()));
        return "cut " + target + " off the lab network";
    }
}
