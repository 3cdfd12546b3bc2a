package io.openfirecluster.dist;

import io.openfirecluster.topology.PluginJar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The user's plugins laid out in an Openfire plugins directory as the image build lays them out
 * (prepare, -Dopenfire.plugins): NAME.jar and, with EXPLODE, unpacked as NAME/. Public so that a
 * test can build an image variant through the same code.
 */
public final class PluginLayout {
    private PluginLayout() {
    }

    public static void install(List<PluginJar> plugins, Path pluginsDir, boolean explode) throws IOException {
        for (PluginJar plugin : plugins) {
            OpenfireDistribution.installPlugin(plugin.jar(), pluginsDir, plugin.name(), explode);
        }
    }
}
