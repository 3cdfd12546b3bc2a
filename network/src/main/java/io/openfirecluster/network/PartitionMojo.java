package io.openfirecluster.network;

import io.openfirecluster.control.Fault;
import io.openfirecluster.control.Faults;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Nodes reach only their own group: {@code lab:partition -Dlab.groups=xmpp1,xmpp2|xmpp3}; across
 * Docker hosts also host against host: {@code -Dlab.groups=host1|host2,host3}.
 */
@Mojo(name = "partition", threadSafe = true)
public class PartitionMojo extends FaultMojo {
    /** Groups of nodes, e.g. xmpp1,xmpp2|xmpp3 (or of Docker hosts' nodes, host1|host2): every node exactly once. */
    @Parameter(property = "lab.groups", required = true)
    private String groups;

    @Override
    protected String apply(Faults faults) {
        Fault.Partition partition = new Fault.Partition(FaultArguments.groups(groups, faults.topology()));
        faults.apply(partition);
        return "partitioned the nodes into " + partition;
    }
}
