package io.openfirecluster.network;

import io.openfirecluster.workload.ClientLog;
import io.openfirecluster.workload.WorkloadPlan;
import io.openfirecluster.workload.scenario.Scenario;
import io.openfirecluster.workload.LabClients;
import io.openfirecluster.workload.scenario.ScenarioRun;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.topology.LabException;
import java.io.File;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A consistency run against the running lab: {@code lab:check -Dlab.scenario=isolate-xmpp3}. XMPP
 * clients on every node and the load balancer send sequenced messages (1:1 and in muc1) while the
 * scenario's fault comes and goes; on a lab of more domains (cluster-with-federation) clients of
 * the other domain's nodes take part too, messaging across domains both ways and entering the
 * cluster's muc1. The history is checked for lost, duplicated, reordered and late messages, per
 * kind of pair (same node, cross node, cross domain, via the load balancer), and rooms that
 * disagree, and written to target/lab-reports (JSON, Markdown, a latency histogram). What Openfire
 * loses is the report's finding, not a build failure.
 */
@Mojo(name = "check", threadSafe = true)
public class CheckMojo extends AbstractLabMojo {
    /**
     * none; FAULT-NODE on a node of the cluster, e.g. isolate-xmpp3, partition-xmpp1, crash-xmpp2, pause-xmpp1,
     * dbcut-xmpp2, loss-xmpp2; or, with another domain, FAULT-route on the node holding the route to it when the
     * fault comes: crash-route, isolate-route, s2scut-route.
     */
    @Parameter(property = "lab.scenario", defaultValue = "none")
    private String scenario;

    @Parameter(property = "lab.clients", defaultValue = "12")
    private String clients;

    /** How long the clients send, e.g. 60s or 2m. */
    @Parameter(property = "lab.duration", defaultValue = "60s")
    private String duration;

    /** Messages a second, all clients together. */
    @Parameter(property = "lab.rate", defaultValue = "50")
    private String rate;

    /** The room (of the conference service) the clients also talk in; empty for 1:1 messages only. */
    @Parameter(property = "lab.room", defaultValue = ScenarioRun.DEFAULT_ROOM)
    private String room;

    @Parameter(property = "lab.reports", required = true)
    private File reports;

    /** The lab's root certificate (lab:up writes it): the workload's clients trust it alone. */
    @Parameter(defaultValue = "${project.build.directory}/lab/ca.pem", readonly = true)
    private File labCa;

    @Override
    protected void execute(LabNetwork lab) throws MojoFailureException {
        Scenario run = Scenario.parse(scenario, lab.topology());
        WorkloadPlan plan;
        try {
            plan = ScenarioRun.plan(lab.topology(), clients, duration, rate, room);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        if (!labCa.isFile()) {
            throw new LabException("there is no " + labCa + ": lab:check works on a lab lab:up made in this module (it writes the lab's CA there)");
        }
        LabClients.trustLabCa(labCa.toPath());
        initializeSmackResolver();
        keepSmackOnTheJdksStax();
        try {
            getLog().info("the XMPP client library logs to " + ClientLog.toFile(reports.toPath()));
            ScenarioRun.Outcome outcome = ScenarioRun.run(lab, run, plan, reports.toPath(), getLog()::info);
            getLog().info(outcome.result().summaryLine());
            // The page a person opens last: every scenario of the directory; the Markdown and JSON are for tools.
            getLog().info("report: " + outcome.reports().index().toUri() + " (this scenario also as " + outcome.reports().markdown().getFileName()
                    + " and " + outcome.reports().history().getFileName() + ")");
        } catch (IOException e) {
            throw new MojoFailureException("cannot write the reports to " + reports + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("interrupted");
        }
    }

    /**
     * This plugin also carries Aalto (lab:load's non-blocking parser), which registers itself as
     * the JVM's StAX provider; Smack's parser found it that way and broke on presence stanzas in
     * the lab's tests. The JDK's own provider is named here, the lookup's first rule, unless the
     * user named one.
     */
    private static void keepSmackOnTheJdksStax() {
        if (System.getProperty(XMLInputFactory.class.getName()) == null) {
            System.setProperty(XMLInputFactory.class.getName(), "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        }
    }

    /**
     * Smack's DNS resolver opens a JNDI DNS context when its class is initialized, and JNDI loads
     * its DNS provider through the thread's context class loader, which in a Maven plugin is the
     * plugin's realm: that load is refused (module access). So the class is initialized once here
     * with the platform class loader as context; everything else of Smack (its parser, found by
     * ServiceLoader) needs the realm, which is back before anything else runs.
     */
    private void initializeSmackResolver() {
        Thread thread = Thread.currentThread();
        ClassLoader realm = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            Class.forName("org.jivesoftware.smack.util.dns.javax.JavaxResolver", true, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            getLog().debug("Smack's JNDI resolver is not there: " + e);
        } finally {
            thread.setContextClassLoader(realm);
        }
    }
}
