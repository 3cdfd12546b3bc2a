package io.openfirecluster.network;

import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Thaws a paused node: {@code lab:resume -Dlab.service=xmpp1}. */
@Mojo(name = "resume", threadSafe = true)
public class ResumeMojo extends FaultMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected String apply(Faults faults) {
        faults.resume(nodeByName(service, "resume"));
        return "resumed " + service;
    }

    @Override
    protected String undo() {
        return "";
    }
}
