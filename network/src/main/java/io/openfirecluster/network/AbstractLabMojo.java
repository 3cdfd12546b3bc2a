package io.openfirecluster.network;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The topology every goal works on, configured once (the root pom's pluginManagement). */
abstract class AbstractLabMojo extends AbstractMojo {
    @Parameter(property = "lab.network", defaultValue = "openfire-cluster")
    private String network;

    @Parameter(property = "lab.subnet", defaultValue = "172.60.0.0/24")
    private String subnet;

    @Parameter(property = "lab.subnet6", defaultValue = "fd23:d79:d076::/64")
    private String subnet6;

    /** Dual-stack: also the IPv6 subnet and an IPv6 address for every service. */
    @Parameter(property = "lab.ipv6", defaultValue = "false")
    private boolean ipv6;

    /** Host address the published ports bind to. */
    @Parameter(property = "lab.bind", defaultValue = "127.0.0.1")
    private String bind;

    @Parameter(property = "lab.dns.suffix", defaultValue = "localhost.example")
    private String dnsSuffix;

    /** Image of the address holders. */
    @Parameter(property = "lab.holder.image", defaultValue = "${base.image}")
    private String holderImage;

    @Parameter
    private List<LabService> services = new ArrayList<>();

    @Parameter(property = "lab.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("lab: skipped");
            return;
        }
        try {
            Topology topology = new Topology(network, subnet, ipv6 ? subnet6 : null, bind, dnsSuffix, services).validate();
            try (LabNetwork lab = LabNetwork.connect(topology, getLog()::info).withHolderImage(holderImage)) {
                execute(lab);
            }
        } catch (LabException e) {
            // One line that says what is wrong and what to do; no stack trace for a user error.
            throw new MojoFailureException(e.getMessage());
        }
    }

    protected abstract void execute(LabNetwork lab) throws MojoFailureException;
}
