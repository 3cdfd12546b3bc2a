package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes the lab: services running in address holders (their logs saved to target/lab-logs
 * first), the holders and the network.
 */
@Mojo(name = "down", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class DownMojo extends AbstractLabMojo {
    @Parameter(property = "lab.logs", defaultValue = LOGS)
    private File logs;

    @Override
    protected void execute(LabNetwork lab) {
        lab.down(logs.toPath());
    }
}
