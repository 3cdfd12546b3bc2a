package io.openfirecluster.network;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Removes the lab: services running in address holders, the holders and the network. */
@Mojo(name = "down", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class DownMojo extends AbstractLabMojo {
    @Override
    protected void execute(LabNetwork lab) {
        lab.down();
    }
}
