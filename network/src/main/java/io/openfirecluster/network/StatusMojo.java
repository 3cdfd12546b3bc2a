package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.LabStatus;
import org.apache.maven.plugins.annotations.Mojo;

/** One table of the running lab: per node its state, Hazelcast's and Openfire's view of the cluster, its c2s sessions, its active faults. */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractLabMojo {
    @Override
    protected void execute(LabNetwork lab) {
        getLog().info("\n" + LabStatus.table(lab));
    }
}
