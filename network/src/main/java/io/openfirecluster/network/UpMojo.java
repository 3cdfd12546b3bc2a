package io.openfirecluster.network;

import com.github.dockerjava.api.exception.DockerException;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.ServiceStart;
import io.openfirecluster.topology.ComposeFile;
import io.openfirecluster.topology.DockerHost;
import io.openfirecluster.topology.LabCertificates;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.OpenfireProperties;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.topology.S2sTls;
import io.openfirecluster.topology.ServiceRun;
import io.openfirecluster.topology.Shape;
import io.openfirecluster.topology.Topology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Creates the lab network and the address holders, replacing leftovers of an earlier run, and
 * writes what the rest of the build reads: {@code target/lab/topology.properties} (tests, people)
 * and {@code target/lab/docker-compose.yml} (what docker:start runs in the holders).
 */
@Mojo(name = "up", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class UpMojo extends AbstractLabMojo {
    /** In target/lab/: the Openfire properties this lab's database was given, for the tests. */
    static final String OPENFIRE_PROPERTIES_FILE = "openfire.properties";

    /** Services to make (names; "nodes" stands for every node); empty means all services. */
    @Parameter(property = "lab.only")
    private List<String> only;

    /** The service images come from a registry at docker:start (-Dimage.pull=true): not checked locally. */
    @Parameter(property = "image.pull")
    private boolean pull;

    /** Where pulled images come from (HOST:PORT), with image.pull. */
    @Parameter(property = "image.registry")
    private String registry;

    /**
     * Openfire system properties seeded into the database before any node starts (name=value,...),
     * over the lab's own; see OpenfireProperties.
     */
    @Parameter(property = "openfire.properties")
    private String openfireProperties;

    /** A .properties file of Openfire system properties; -Dopenfire.properties wins for the same name. */
    @Parameter(property = "openfire.properties.file")
    private String openfirePropertiesFile;

    /** The service whose environment carries them: the database (its image's entrypoint seeds them). */
    @Parameter(property = "openfire.properties.service", defaultValue = "db")
    private String propertiesService;

    /**
     * Server-to-server TLS in every domain: required (strict certificate validation), optional or
     * disabled (S2sTls); seeded as Openfire properties with the user's, which win for the same name.
     */
    @Parameter(property = "lab.s2s.tls", required = true)
    private String s2sTls;

    @Parameter(defaultValue = "${project.build.directory}/lab", readonly = true)
    private File labDirectory;

    /** The nodes' Java (-Dopenfire.java), one of openfire.javas; the root pom's enforcer rule checks it in a build's first phase, this when lab:up runs alone. */
    @Parameter(property = "openfire.java")
    private String java;

    /** The Javas the node image is made for, as the root pom's regular expression (17|21|25). */
    @Parameter(property = "openfire.javas")
    private String javas;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /** How long a service may take to become healthy before the next starts (a lab across hosts), in milliseconds. */
    @Parameter(property = "lab.ready.timeout", defaultValue = "240000")
    private long readyTimeout;

    @Parameter(property = "lab.logs", defaultValue = LOGS)
    private File logs;

    @Override
    protected void execute(Topology configured) throws MojoFailureException {
        checkJava();
        Topology topology = configured.select(expandNodes(configured, only));
        OpenfireProperties properties = properties(topology);
        List<LabCertificates.Domain> domains = domains(topology);
        List<ServiceRun> runs = runs(topology, properties);
        try (LabNetwork lab = connect(topology)) {
            lab.up(List.of(), pull, registry);
            // docker:start's configuration is read as a compose file even where it runs nothing.
            write(topology, runs == null ? null : ComposeFile.render(runs), properties, domains);
            if (lab.spansHosts() && runs != null) {
                // docker:start talks to one engine: across hosts the lab starts what it rendered itself.
                startAcrossHosts(lab, runs);
            }
        }
    }

    /** The services through each host's engine; a lab that does not start is removed again, its logs saved, as lab:await does. */
    private void startAcrossHosts(LabNetwork lab, List<ServiceRun> runs) {
        try {
            ServiceStart.start(lab, runs, Duration.ofMillis(readyTimeout));
        } catch (LabException | DockerException e) {
            getLog().error("lab: the lab did not start on " + lab.topology().dockerHosts().stream().map(DockerHost::name).toList() + "; removing it (logs in " + logs + ")");
            lab.down(logs.toPath());
            throw e;
        }
    }

    /**
     * Without a lab (-DskipITs, no Openfire) the files are still written, and nothing else is
     * done: docker:start reads its configuration even when it then skips running it.
     */
    @Override
    protected void skipped(Topology configured) throws MojoFailureException {
        checkJava();
        Topology topology = configured.select(expandNodes(configured, only));
        OpenfireProperties properties = properties(topology);
        List<LabCertificates.Domain> domains = domains(topology);
        List<ServiceRun> runs = runs(topology, properties);
        write(topology, runs == null ? null : ComposeFile.render(runs), properties, domains);
    }

    /** Another Java would start the default Java's image under a name that says otherwise: one line, before anything starts. */
    private void checkJava() {
        if (java != null && javas != null && !java.trim().matches(javas)) {
            throw new LabException("-Dopenfire.java=" + java + " is not a Java the lab packages: give " + javas.replace("|", ", ") + " (Debian's OpenJDK)");
        }
    }

    /**
     * The Openfire properties of the s2s TLS policy and the user's over them, checked (one line for
     * a bad one); none for a lab without a database.
     */
    private OpenfireProperties properties(Topology topology) {
        S2sTls policy = S2sTls.parse(s2sTls);
        OpenfireProperties users = OpenfireProperties.parse(openfireProperties, openfirePropertiesFile);
        if (databases(topology).isEmpty()) {
            if (!users.isEmpty()) {
                getLog().info("lab: no " + propertiesService + " in this lab: the " + users.values().size() + " Openfire properties are not seeded here");
            }
            return OpenfireProperties.none();
        }
        return users.over(policy.openfireProperties());
    }

    /**
     * The XMPP domains of this lab, each with its nodes' names, for their certificates: the shape's
     * domains, or xmpp.domain for the one-domain lab (which tags none); none without nodes.
     */
    private List<LabCertificates.Domain> domains(Topology topology) {
        List<LabCertificates.Domain> domains = new ArrayList<>();
        for (String domain : nodeDomains(topology)) {
            domains.add(LabCertificates.Domain.of(domain, topology, topology.nodes().stream().filter(n -> domainOf(n).equals(domain)).toList()));
        }
        return domains;
    }

    private List<String> nodeDomains(Topology topology) {
        return topology.nodes().stream().map(this::domainOf).distinct().toList();
    }

    private String domainOf(LabService node) {
        return node.getDomain().isEmpty() ? xmppDomain() : node.getDomain();
    }

    /** Each node's certificates: its domain's directory, mounted read-only where the entrypoint looks. */
    private Map<String, List<String>> certificateMounts(Topology topology) {
        Map<String, List<String>> mounts = new LinkedHashMap<>();
        for (LabService node : topology.nodes()) {
            Path domainDir = LabCertificates.domainDirectory(labDirectory.toPath().toAbsolutePath(), domainOf(node));
            mounts.put(node.getName(), List.of(domainDir + ":" + LabCertificates.NODE_DIRECTORY + ":ro"));
        }
        return mounts;
    }

    /** Where Openfire properties are seeded: propertiesService in the one-domain lab, every domain's database in the others. */
    private List<String> databases(Topology topology) {
        if (shape() == Shape.CLUSTER) {
            return topology.services().stream().map(s -> s.getName()).filter(propertiesService::equals).toList();
        }
        return shape().databases(topology);
    }

    /** What runs in the holders, with the properties seeded into the databases and the nodes' certificates; null when nothing has an image. */
    private List<ServiceRun> runs(Topology topology, OpenfireProperties properties) {
        if (topology.services().stream().allMatch(s -> s.getImage().isEmpty())) {
            return null;
        }
        // Every domain's database gets the same: the s2s policy is the lab's, the user's properties every node's.
        Map<String, Map<String, String>> env = new LinkedHashMap<>();
        if (!properties.isEmpty()) {
            List<String> databases = databases(topology);
            getLog().info("lab: Openfire properties for every node, seeded into " + String.join(",", databases) + ": " + String.join(", ", properties.values().keySet()));
            databases.forEach(db -> env.put(db, Map.of(OpenfireProperties.ENV, properties.encoded())));
        }
        return ServiceRun.of(topology, env, certificateMounts(topology));
    }

    private void write(Topology topology, String compose, OpenfireProperties properties, List<LabCertificates.Domain> domains)
            throws MojoFailureException {
        // Later goals of this build (docker:start, failsafe) can use the real values as ${lab.xmpp1.ipv4}.
        project.getProperties().putAll(topology.toProperties());
        try {
            Path dir = labDirectory.toPath();
            ResolvedTopology.write(topology, dir.resolve("topology.properties"));
            // What every node must report (the tests read it); no file: none were given.
            Path seeded = dir.resolve(OPENFIRE_PROPERTIES_FILE);
            if (properties.isEmpty()) {
                Files.deleteIfExists(seeded);
            } else {
                properties.write(seeded);
            }
            if (!domains.isEmpty()) {
                boolean made = LabCertificates.ensure(dir, domains);
                getLog().info("lab: " + (made ? "made" : "kept") + " the lab CA's certificates for " + String.join(", ", domains.stream().map(LabCertificates.Domain::name).toList())
                        + "; clients trust " + dir.resolve(LabCertificates.CA_PEM));
            }
            Path composeFile = dir.resolve("docker-compose.yml");
            if (compose != null) {
                Files.writeString(composeFile, compose);
            } else {
                Files.deleteIfExists(composeFile);
            }
        } catch (IOException e) {
            throw new MojoFailureException("cannot write to " + labDirectory + ": " + e.getMessage());
        }
    }

    @Override
    protected boolean worksOnRunningLab() {
        return false;
    }

    @Override
    protected void execute(LabNetwork lab) {
        throw new IllegalStateException("lab:up works on the selected topology");
    }

    private static List<String> expandNodes(Topology topology, List<String> only) {
        List<String> names = new ArrayList<>();
        for (String name : only == null ? List.<String>of() : only) {
            if (name.trim().equals(Topology.NODES)) {
                names.addAll(topology.nodeNames());
            } else if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        if (only != null && !only.isEmpty() && names.isEmpty()) {
            throw new LabException("lab.only names no service: give service names, e.g. -Dlab.only=db,xmpp1");
        }
        return names;
    }
}
