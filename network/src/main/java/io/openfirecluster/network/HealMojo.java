package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reconnects a cut-off service with its addresses and names: {@code mvn lab:heal -Dlab.service=xmpp3}. */
@Mojo(name = "heal", threadSafe = true)
public class HealMojo extends AbstractLabMojo {
    @Parameter(property = "lab.service", required = true)
    private String service;

    @Override
    protected void execute(LabNetwork lab) {
        lab.heal(service);
    }
}
