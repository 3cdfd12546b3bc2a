package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.LabStatus;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * One table of the running lab: per node its state, Hazelcast's and Openfire's view of the
 * cluster, its c2s sessions, its active faults. The table goes to standard output, not through
 * Maven's log, so {@code ./mvnw -q -pl cluster-it lab:status} prints just the table.
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractLabMojo {
    @Override
    protected void execute(LabNetwork lab) {
        System.out.print(LabStatus.table(lab));
        System.out.flush();
    }
}
