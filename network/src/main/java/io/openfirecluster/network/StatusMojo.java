package io.openfirecluster.network;

import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.LabStatus;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * One table of the running lab: per node its state, Hazelcast's view of the cluster and Openfire's
 * own (the lab plugin), its c2s and s2s sessions, its active faults; then the node holding the
 * outgoing server route to each remote domain ("s2s: none" in a lab of one domain). The table goes to standard output, not through
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
