package io.openfirecluster.network;

import io.openfirecluster.topology.Format;
import io.openfirecluster.control.LabNetwork;
import io.openfirecluster.control.PluginInstall;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.PluginJar;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts plugin jars into every running node and waits until every node has loaded them, without a
 * rebuild or a restart: {@code ./mvnw -pl cluster-it lab:plugin -Dopenfire.plugins=target/my.jar}.
 * A newer jar of a loaded plugin replaces it (Openfire unloads the old one and loads the new).
 */
@Mojo(name = "plugin", threadSafe = true)
public class PluginMojo extends AbstractLabMojo {
    /** Plugin jars, or directories of them, comma-separated. */
    @Parameter(property = "openfire.plugins")
    private String plugins;

    /**
     * How long every node may take to load them, in milliseconds. Openfire looks at its plugins
     * directory every 20 s (system property plugins.loading.monitor.interval), then unpacks and loads.
     */
    @Parameter(property = "lab.plugin.timeout", defaultValue = "120000")
    private long timeout;

    @Override
    protected void execute(LabNetwork lab) {
        List<PluginJar> jars = PluginJar.resolve(plugins);
        if (jars.isEmpty()) {
            throw new LabException("lab:plugin needs the plugins: give -Dopenfire.plugins=PATH[,PATH...] (plugin jars or directories of them)");
        }
        Duration took = new PluginInstall(lab, getLog()::info).install(jars, Duration.ofMillis(timeout));
        getLog().info(jars.size() + " plugin(s) loaded on " + lab.topology().nodes().size() + " node(s), " + Format.seconds(took) + " after the copy");
    }
}
