package io.openfirecluster.network;

import io.openfirecluster.control.Faults;
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
        List<String> healed = faults.heal(service);
        return healed.isEmpty() ? "nothing to heal" + (service == null ? "" : " on " + service) : "healed " + String.join(", ", healed);
    }

    @Override
    protected String undo() {
        return "";
    }
}
