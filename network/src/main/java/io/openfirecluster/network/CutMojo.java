package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Cuts one service off the lab network (split-brain): {@code mvn lab:cut -Dlab.service=xmpp3}. */
@Mojo(name = "cut", threadSafe = true)
public class CutMojo extends AbstractLabMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected void execute(LabNetwork lab) {
        lab.cut(service);
    }
}
