package io.openfirecluster.network;

import io.openfirecluster.control.Faults;
import io.openfirecluster.control.RouteHolders;
import io.openfirecluster.topology.LabException;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Back to a fully connected, running lab: {@code lab:heal} undoes every fault (packet rules,
 * pause, crash, cut); {@code lab:heal -Dlab.service=xmpp3} only that service's.
 */
@Mojo(name = "heal", threadSafe = true)
public class HealMojo extends FaultMojo {
    @Parameter(property = "lab.service")
    private String service;

    @Override
    protected String apply(Faults faults) {
        if (RouteHolders.isRoute(service)) {
            // The route moves when its holder fails: the node holding it now need not be the one a fault was aimed at.
            throw new LabException("lab:heal takes a service's name, not " + service.trim() + ": heal the node the fault goal named (its line says"
                    + " \"..., the holder of the route to ...\"), or every fault with lab:heal alone");
        }
        List<String> healed = faults.heal(service);
        return healed.isEmpty() ? "nothing to heal" + (service == null ? "" : " on " + service) : "healed " + String.join(", ", healed);
    }

    @Override
    protected String undo() {
        return "";
    }
}
