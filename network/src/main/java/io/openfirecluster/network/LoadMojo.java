package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.report.LoadReport;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.ResolvedTopology;
import io.openfirecluster.workload.load.LoadPlan;
import io.openfirecluster.workload.load.LoadRun;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Load on the running lab with the lab's lean clients (thousands of sessions on one thread):
 * {@code lab:load -Dlab.clients=2000}. Profile {@code curve} (the default) steps the offered
 * message rate up until p99 time to deliver passes {@code lab.load.limit} or a message goes
 * missing and reports the knee; {@code crash} kills a node under load and times its clients'
 * return through the load balancer; {@code rolling} restarts every node in turn. Every message is
 * recorded and the history checked; the report goes to target/lab-reports (load-PROFILE.json,
 * .md and index.html with the charts). Users are the db dataset users-10000. See docs/load.md.
 */
@Mojo(name = "load", threadSafe = true)
public class LoadMojo extends AbstractLabMojo {
    /** curve, crash or rolling. */
    @Parameter(property = "lab.load.profile", defaultValue = "curve")
    private String profile;

    @Parameter(property = "lab.clients", defaultValue = "1000")
    private String clients;

    /** Logins a second. */
    @Parameter(property = "lab.load.login.rate", defaultValue = "30")
    private String loginRate;

    /** Entry points the clients are spread over, round robin (default: lb and every node; lb for crash and rolling). */
    @Parameter(property = "lab.load.entries")
    private String entries;

    /** Messages a second, all clients together: the curve's first step, or the failovers' steady rate. */
    @Parameter(property = "lab.load.rate", defaultValue = "100")
    private String rate;

    @Parameter(property = "lab.load.factor", defaultValue = "2")
    private String factor;

    /** How long each step of the curve lasts, e.g. 30s. */
    @Parameter(property = "lab.load.step", defaultValue = "30s")
    private String step;

    @Parameter(property = "lab.load.steps", defaultValue = "8")
    private String steps;

    /** Steps after the curve that narrow its knee down, each between the last rate that held and the first that did not. */
    @Parameter(property = "lab.load.refine", defaultValue = "2")
    private String refine;

    /** The p99 time to deliver a step may take and still count, e.g. 1s or 500ms. */
    @Parameter(property = "lab.load.limit", defaultValue = "1s")
    private String limit;

    /**
     * The lab's clients' first account (the clients are load(first) onwards); default 1, or with Tsung beside
     * the upper half. A run right after another on the same accounts had most of its binds refused.
     */
    @Parameter(property = "lab.load.first")
    private String first;

    /** The load accounts the lab has (load1..loadN). */
    @Parameter(property = "lab.load.users", defaultValue = "10000")
    private String users;

    /** true: Tsung runs the same plan against the same lab right after the curve (one entry point, default lb). */
    @Parameter(property = "lab.load.tsung", defaultValue = "false")
    private String tsung;

    /**
     * How the clients reach the entry points: ports (Docker's published ports, the default) or
     * network (the services' addresses on the lab network, past Docker's userland proxy, which
     * exited at about 3,000 connections a port on a machine that allows 20,000 open files; the lab
     * on this machine's Linux engine only).
     */
    @Parameter(property = "lab.load.via", defaultValue = "ports")
    private String via;

    @Parameter(property = "tsung.image", defaultValue = "${tsung.image}")
    private String tsungImage;

    /** The node the crash profile kills (default: the second). */
    @Parameter(property = "lab.service")
    private String service;

    @Parameter(property = "lab.reports", required = true)
    private File reports;

    @Parameter(defaultValue = "${project.build.directory}/lab/topology.properties", readonly = true)
    private File labTopology;

    @Override
    protected void execute(LabNetwork lab) throws MojoFailureException {
        if (!labTopology.isFile()) {
            throw new LabException("there is no running lab's " + labTopology + ": start one (./mvnw install -DskipITs -Dplay) and run lab:load in module cluster-it");
        }
        ResolvedTopology topology = ResolvedTopology.load(labTopology.toPath());
        Map<String, String> properties = new HashMap<>();
        properties.put("lab.load.profile", profile);
        properties.put("lab.clients", clients);
        properties.put("lab.load.login.rate", loginRate);
        properties.put("lab.load.entries", entries);
        properties.put("lab.load.rate", rate);
        properties.put("lab.load.factor", factor);
        properties.put("lab.load.step", step);
        properties.put("lab.load.steps", steps);
        properties.put("lab.load.refine", refine);
        properties.put("lab.load.limit", limit);
        properties.put("lab.load.users", users);
        properties.put("lab.load.first", first);
        properties.put("lab.service", service);
        properties.put("lab.load.tsung", tsung);
        properties.put("lab.load.via", via);
        LoadPlan plan;
        try {
            plan = LoadPlan.from(properties, topology);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        try {
            LoadRun.Outcome outcome = LoadRun.run(lab, topology, plan, tsungImage, reports.toPath(), getLog()::info);
            if (!outcome.result().steps().isEmpty()) {
                getLog().info("[report] load " + LoadReport.kneeLine("lab", outcome.result()));
            }
            LoadReport.comparison(outcome.result()).forEach(line -> getLog().info("[load] " + line));
            if (!outcome.result().shortfall().isEmpty()) {
                getLog().warn("[load] short of the plan: " + outcome.result().shortfall());
            }
            getLog().info("[load] checker: " + outcome.result().checker());
            getLog().info("report: " + outcome.files().index().toUri() + " (this run also as " + outcome.files().markdown().getFileName()
                    + " and " + outcome.files().json().getFileName() + ")");
        } catch (IOException e) {
            throw new MojoFailureException("cannot write the reports to " + reports + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("interrupted");
        }
    }
}
