package io.openfirecluster.network;

import io.openfirecluster.topology.Format;
import io.openfirecluster.control.HealthWait;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.NodeJvm;
import io.openfirecluster.topology.LabException;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Waits until every container docker:start ran is healthy (the images' health checks: a node is
 * healthy when Openfire, asked through the lab plugin, is in a cluster of all the lab's nodes and
 * takes clients: the lab's one definition of ready), printing what it still waits for every 5 s; fails
 * in one line naming the services that are not, at the deadline, and removes the lab.
 */
@Mojo(name = "await", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class AwaitMojo extends AbstractLabMojo {
    /** How long the lab may take to become healthy, in milliseconds. */
    @Parameter(property = "lab.ready.timeout", required = true)
    private long timeout;

    @Parameter(property = "lab.logs", defaultValue = LOGS)
    private File logs;

    /**
     * A lab that never became healthy is removed here, its logs saved first: failing the build in
     * this phase skips post-integration-test, so lab:down would not run, and a failed run leaves
     * nothing behind.
     */
    @Override
    protected void execute(LabNetwork lab) {
        Duration took;
        try {
            took = HealthWait.await(lab, Duration.ofMillis(timeout), getLog()::info);
        } catch (LabException e) {
            lab.down(logs.toPath());
            throw new LabException(e.getMessage() + "; the lab was removed, its logs are in " + logs);
        }
        getLog().info("the lab is healthy (" + lab.topology().nodes().size() + " node(s)) after waiting " + Format.seconds(took));
        // A lab of stand-in nodes (the load balancer's tests) has no Openfire image and no Java to tell.
        List<NodeJvm> jvms = lab.topology().nodes().stream().map(node -> NodeJvm.of(lab, node)).filter(jvm -> !jvm.java().equals("?")).toList();
        if (!jvms.isEmpty()) {
            getLog().info("nodes on " + NodeJvm.summary(jvms));
        }
    }
}
