package io.openfirecluster.image;

import io.openfirecluster.topology.Format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.HostConfig;
import io.openfirecluster.control.PluginInstall;
import io.openfirecluster.control.Wait;
import io.openfirecluster.dist.PluginLayout;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.ProbePlugin;
import io.openfirecluster.topology.PluginJar;
import io.openfirecluster.topology.Topology;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -Dopenfire.plugins baked into the image: a probe plugin compiled against this build's Openfire
 * is laid out by the image build's own code (openfire-dist's PluginLayout, what prepare runs) in
 * a variant of this image, unpacked; a node of that variant, started in place of the lab's node
 * (same holder, same environment), loads it at its first start. Runs last in this module
 * (alphabetical order): it stops the lab's node for the time it runs.
 */
class PluginBakedIT {
    private static final String NAME = "labprobe";

    @TempDir
    Path work;

    @Test
    void aPluginBakedIntoTheImageIsUnpackedThereAndLoadedAtTheNodesStart() throws Exception {
        Lab lab = Lab.get();
        DockerClient docker = lab.docker();
        String node = lab.nodes().get(0);
        Topology topology = lab.topology().topology();
        String holder = topology.holder(topology.service(node));
        String original = lab.container(node);

        Path lib = Path.of(System.getProperty("openfire.context"), "openfire", "lib");
        Path jar = ProbePlugin.build(work, NAME, "1.0.0", lib, List.of("xmpp.domain"));
        Path context = Files.createDirectories(work.resolve("context"));
        PluginLayout.install(PluginJar.resolve(jar.toString()), context.resolve("plugins"), true);
        Files.writeString(context.resolve("Dockerfile"), "FROM " + System.getProperty("openfire.image") + "\n"
                + "COPY --chown=openfire:openfire plugins/ /opt/openfire/plugins/\n");
        String variant = "openfire-cluster/openfire-plugin-it:" + UUID.randomUUID().toString().substring(0, 8);
        docker.buildImageCmd(context.toFile()).withTags(Set.of(variant)).withPull(false)
                .exec(new BuildImageResultCallback()).awaitImageId();

        String[] env = docker.inspectContainerCmd(original).exec().getConfig().getEnv();
        String probe = original + "-plugin-it";
        lab.stop(node);
        try {
            docker.createContainerCmd(variant).withName(probe).withEnv(env)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + holder)).exec();
            // Unpacked in the image, as the build lays it out: no unpacking at the node's start.
            assertEquals("plugin.xml", fileIn(docker, probe, "/opt/openfire/plugins/" + NAME + "/plugin.xml"));
            Instant started = Instant.now();
            docker.startContainerCmd(probe).exec();
            PluginInstall logs = new PluginInstall(lab.network(), message -> { });
            Pattern loaded = PluginInstall.loadedLine(PluginJar.check(jar));
            Wait.until("the variant node loads the baked plugin", Duration.ofSeconds(120),
                    () -> logs.loggedSince(probe, started, loaded).isPresent());
            String line = ProbePlugin.initializedLine(NAME, "1.0.0") + ProbePlugin.reported("xmpp.domain", System.getProperty("xmpp.domain"));
            assertTrue(logs.loggedSince(probe, started, Pattern.compile(Pattern.quote(line) + "$")).isPresent(),
                    "the probe did not print '" + line + "'");
            System.out.println("[report] baked plugin " + NAME + " 1.0.0 loaded " + Format.seconds(Duration.between(started, Instant.now())) + " after the node started");
        } finally {
            docker.removeContainerCmd(probe).withForce(true).exec();
            docker.removeImageCmd(variant).withForce(true).exec();
            lab.start(node);
        }
    }

    /** The name of the file at PATH in CONTAINER (read from its filesystem, started or not). */
    private static String fileIn(DockerClient docker, String container, String path) throws Exception {
        try (InputStream in = docker.copyArchiveFromContainerCmd(container, path).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            return Path.of(tar.getNextEntry().getName()).getFileName().toString();
        }
    }
}
