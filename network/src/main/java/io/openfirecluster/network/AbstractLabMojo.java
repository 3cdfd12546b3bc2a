package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;

import io.openfirecluster.topology.DockerHost;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.NodeTemplate;
import io.openfirecluster.topology.Placement;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.topology.Shape;
import com.github.dockerjava.api.exception.DockerException;
import java.io.File;
import io.openfirecluster.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The topology every goal works on, configured once (the root pom's pluginManagement). Its
 * defaults are the root pom's properties of the same names, set there only.
 */
abstract class AbstractLabMojo extends AbstractMojo {
    /** Where lab:await and lab:down save the lab's logs (-Dlab.logs). */
    static final String LOGS = "${project.build.directory}/lab-logs";

    @Parameter(property = "lab.network", required = true)
    private String network;

    @Parameter(property = "lab.subnet", required = true)
    private String subnet;

    @Parameter(property = "lab.subnet6", required = true)
    private String subnet6;

    /** Dual-stack: also the IPv6 subnet and an IPv6 address for every service. */
    @Parameter(property = "lab.ipv6", required = true)
    private boolean ipv6;

    /** Host address the published ports bind to. */
    @Parameter(property = "lab.bind", required = true)
    private String bind;

    @Parameter(property = "lab.dns.suffix", required = true)
    private String dnsSuffix;

    /** Image of the address holders. */
    @Parameter(property = "lab.holder.image", defaultValue = "${holder.image}")
    private String holderImage;

    /** The services that are not nodes (database, load balancer). */
    @Parameter
    private List<LabService> services = new ArrayList<>();

    /** How many Openfire nodes the lab has, 1 to 9, each made from {@link #node}. */
    @Parameter(property = "lab.nodes", required = true)
    private String nodes;

    /** The node template: node i of the lab is this with {i} replaced (see NodeTemplate). */
    @Parameter
    private NodeTemplate node;

    /** Which domains the lab has (cluster, cluster-with-federation, federation): see Shape. */
    /** The Docker hosts the lab spans (the swarm's node names); empty: the one Docker host of DOCKER_HOST. */
    @Parameter(property = "lab.hosts")
    private String hosts;

    /** Services on hosts other than the default's (SERVICE=HOST,...): see Placement. */
    @Parameter(property = "lab.placement")
    private String placement;

    /** How the lab reaches each host of lab.hosts: its engine and the address it publishes ports on (DockerHost#read). */
    @Parameter(property = "lab.hosts.file", defaultValue = "${maven.multiModuleProjectDirectory}/target/hosts/hosts.properties")
    private File hostsFile;

    @Parameter(property = "lab.shape", required = true)
    private String shape;

    /** How many nodes the other domain of cluster-with-federation has, 1 to 9 (one: a standalone server). */
    @Parameter(property = "lab.other.nodes", required = true)
    private String otherNodes;

    /** The cluster's XMPP domain (the db image's seed). */
    @Parameter(property = "xmpp.domain", required = true)
    private String xmppDomain;

    /** The cluster's nodes' shared alias (the node template's); other domains get nodes.DOMAIN. */
    @Parameter(property = "lab.nodes.alias", required = true)
    private String nodesAlias;

    /** The build's lab executions bind this to lab.skip (root pom); not a command-line switch. */
    @Parameter
    private boolean skip;

    /**
     * Set by openfire-dist:prepare while the build runs: "true" when there is no Openfire, so a
     * module's lab is left out (prepare printed the NOT RUN line). Not a pom property on purpose:
     * it must be read when the goal runs, after prepare.
     */
    @Parameter(property = "openfire.missing", defaultValue = "false")
    private boolean openfireMissing;

    /** Set by lab:hosts while the build runs: it made no simulated hosts for this module's lab (skipped, or a kernel without VXLAN). */
    @Parameter(property = "lab.hosts.missing")
    private boolean hostsMissing;

    /** Manual play (-Dplay): the user asked for a lab, so no Openfire is an error, not a NOT RUN. */
    @Parameter(property = "play")
    private String play;

    /** This build was started for play (-Dplay): a lab is asked for, to be left running. */
    protected boolean play() {
        return play != null;
    }

    /** What lab:up made in this module; goals on a running lab work on it rather than on the configuration. */
    @Parameter(defaultValue = "${project.build.directory}/lab/topology.properties", readonly = true)
    private File resolvedTopology;

    @Override
    public final void execute() throws MojoFailureException {
        if (openfireMissing && play()) {
            throw new MojoFailureException("no lab: there is no Openfire distribution (see the NOT RUN line above): give -Dopenfire.dist=DIR|TARBALL"
                    + " and -Dhazelcast.plugin=JAR, put them in ~/.cache/openfire-cluster/, or add -Dopenfire.download=true (docs/your-openfire.md)");
        }
        boolean skipping = skip || openfireMissing || hostsMissing;
        try {
            Topology topology = worksOnRunningLab() && resolvedTopology.isFile()
                    ? ResolvedTopology.load(resolvedTopology.toPath()).topology()
                    : placement(!skipping).place(shape().topology(new Shape.Blocks(network, subnet, ipv6 ? subnet6 : null, bind, dnsSuffix,
                            services, node, nodes, otherNodes, xmppDomain, nodesAlias)));
            if (skipping) {
                getLog().info("lab: skipped" + (openfireMissing ? " (no Openfire)" : hostsMissing ? " (no simulated Docker hosts)" : ""));
                skipped(topology.validate());
                return;
            }
            execute(topology.validate());
        } catch (LabException e) {
            // One line that says what is wrong and what to do; no stack trace for a user error.
            throw new MojoFailureException(e.getMessage());
        } catch (DockerException e) {
            throw new MojoFailureException("Docker refused: " + e.getMessage().lines().findFirst().orElse("") + " (see the Docker daemon's log)");
        }
    }

    /**
     * Where each service runs: the one Docker host, or the hosts of lab.hosts, which the hosts file
     * says how to REACH (a skipped lab reaches none: its files name the hosts only, and a module's
     * simulated hosts, with their file, are not made then either).
     */
    private Placement placement(boolean reach) {
        Placement placed = Placement.parse(hosts, placement);
        return placed.spansHosts() && reach ? placed.on(DockerHost.read(hostsFile.toPath()), hostsFile.toString()) : placed;
    }

    /** The configured shape; one line for an unknown name. */
    protected Shape shape() {
        return Shape.named(shape);
    }

    /** The cluster's XMPP domain (-Dxmpp.domain): the domain of the nodes a shape leaves untagged. */
    protected String xmppDomain() {
        return xmppDomain;
    }

    /** What a goal does when the lab is skipped: nothing, for most. */
    protected void skipped(Topology topology) throws MojoFailureException {
    }

    /** Goals that act on a lab lab:up made (status, faults, ...) read its resolved topology (e.g. its -Dlab.nodes). */
    protected boolean worksOnRunningLab() {
        return true;
    }

    /** Runs the goal on the validated topology; most goals need Docker, see {@link #connect}. */
    protected void execute(Topology topology) throws MojoFailureException {
        try (LabNetwork lab = connect(topology)) {
            execute(lab);
        }
    }

    protected LabNetwork connect(Topology topology) {
        return LabNetwork.connect(topology, getLog()::info).withHolderImage(holderImage);
    }

    protected abstract void execute(LabNetwork lab) throws MojoFailureException;
}
