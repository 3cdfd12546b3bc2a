package io.openfirecluster.dist;

import io.openfirecluster.labplugin.LabPlugin;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.OpenfireProperties;
import io.openfirecluster.topology.PluginJar;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Finds Openfire and the Hazelcast plugin, lays them out for the image build (when
 * {@code outputDirectory} is set), and sets the project property {@code openfire.missing} to
 * "true" or "false". Modules bind their container and test goals' {@code skip} to that property,
 * and this goal prints the one NOT RUN line that says why, so nothing passes that did not run.
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareMojo extends AbstractMojo {
    /** An Openfire distribution directory or release tarball. */
    @Parameter(property = "openfire.dist")
    private File dist;

    @Parameter(property = "openfire.version", required = true)
    private String version;

    /**
     * Expected SHA-256 of the release tarball. Without it, a downloaded tarball's checksum is
     * recorded next to it in the cache and checked at every later use; a given file is used
     * unverified (and says so).
     */
    @Parameter(property = "openfire.dist.sha256")
    private String sha256;

    /** The Hazelcast plugin jar. */
    @Parameter(property = "hazelcast.plugin")
    private File plugin;

    @Parameter(property = "hazelcast.plugin.version", required = true)
    private String pluginVersion;

    @Parameter(property = "hazelcast.plugin.sha256")
    private String pluginSha256;

    /**
     * Download missing releases from Openfire's download locations into the cache. Off by
     * default, so a build never reaches the internet unless asked to.
     */
    @Parameter(property = "openfire.download", defaultValue = "false")
    private boolean download;

    /** Where releases are downloaded from (Releases names the paths below it). */
    @Parameter(property = "openfire.download.base", defaultValue = Releases.IGNITEREALTIME)
    private String downloadBase;

    @Parameter(property = "openfire.cache", defaultValue = "${user.home}/.cache/openfire-cluster")
    private File cacheDirectory;

    /** Where to lay out the distribution with plugins/hazelcast.jar; unset: only find and check. */
    @Parameter
    private File outputDirectory;

    /**
     * Unpack plugins into the image (plugins/NAME/) instead of leaving it to every node's first
     * start; false: only the jars, as Openfire's own install does.
     */
    @Parameter(property = "openfire.plugins.unpacked", defaultValue = "true")
    private boolean explodePlugins;

    /**
     * The user's Openfire plugins, built into the image next to the Hazelcast plugin: jars, or
     * directories of jars, comma-separated. Checked here, before anything is built or started.
     */
    @Parameter(property = "openfire.plugins")
    private String userPlugins;

    /** Openfire system properties for lab:up (name=value,...): checked here too, so a typo stops the build at once. */
    @Parameter(property = "openfire.properties")
    private String openfireProperties;

    /** A .properties file of Openfire system properties for lab:up: checked here too. */
    @Parameter(property = "openfire.properties.file")
    private String openfirePropertiesFile;

    /** What is not run without Openfire, for the NOT RUN line, e.g. "cluster-it integration tests". */
    @Parameter(defaultValue = "${project.artifactId} integration tests")
    private String dependents;

    /**
     * The lab runs images pulled from a registry (-Dimage.pull=true): look for nothing and set
     * {@code openfire.missing} to "false", as no module builds an Openfire image then.
     */
    @Parameter(property = "image.pull")
    private boolean pull;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoFailureException {
        List<PluginJar> plugins;
        try {
            plugins = PluginJar.resolve(userPlugins);
            OpenfireProperties.parse(openfireProperties, openfirePropertiesFile);
        } catch (LabException e) {
            throw new MojoFailureException(e.getMessage());
        }
        if (pull) {
            getLog().info("No Openfire distribution needed (image.pull=true): the Openfire image is pulled, not built");
            if (!plugins.isEmpty()) {
                getLog().warn("openfire.plugins: not built into the pulled image; put them into the running lab with lab:plugin");
            }
            project.getProperties().setProperty("openfire.missing", "false");
            return;
        }
        try {
            Artifacts artifacts = new Artifacts(getLog()::info);
            Path cache = cacheDirectory.toPath();
            Releases releases = new Releases(downloadBase);
            Optional<Path> openfire = artifacts.find("Openfire " + version, path(dist),
                    cache.resolve("openfire-" + version + ".tar.gz"), download ? releases.openfire(version) : null, sha256);
            Optional<Path> hazelcast = artifacts.find("Hazelcast plugin " + pluginVersion, path(plugin),
                    cache.resolve("hazelcast-" + pluginVersion + ".jar"), download ? releases.hazelcastPlugin(pluginVersion) : null, pluginSha256);
            if (openfire.isPresent()) {
                OpenfireDistribution.check(openfire.get());
            }
            if (hazelcast.isPresent()) {
                OpenfireDistribution.checkPlugin(hazelcast.get());
            }
            if (openfire.isEmpty() || hazelcast.isEmpty()) {
                String missing = openfire.isEmpty() ? "no Openfire distribution" : "no Hazelcast plugin";
                getLog().warn("NOT RUN: " + dependents + ": " + missing + " (give -Dopenfire.dist=DIR|TARBALL and"
                        + " -Dhazelcast.plugin=JAR, put openfire-" + version + ".tar.gz and hazelcast-" + pluginVersion
                        + ".jar in " + cache + ", or add -Dopenfire.download=true)");
                project.getProperties().setProperty("openfire.missing", "true");
                return;
            }
            project.getProperties().setProperty("openfire.missing", "false");
            if (outputDirectory != null) {
                Path target = outputDirectory.toPath();
                OpenfireDistribution.layOut(openfire.get(), hazelcast.get(), plugins, target, explodePlugins);
                OpenfireDistribution.installLabPlugin(target, explodePlugins);
                getLog().info("Openfire from " + openfire.get() + " with " + hazelcast.get().getFileName() + ", the lab plugin " + LabPlugin.NAME
                        + plugins.stream().map(p -> ", " + p.jar()).collect(java.util.stream.Collectors.joining()) + " laid out in " + target);
            }
        } catch (DistException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("cannot lay out Openfire in " + outputDirectory + ": " + e.getMessage());
        }
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }
}
