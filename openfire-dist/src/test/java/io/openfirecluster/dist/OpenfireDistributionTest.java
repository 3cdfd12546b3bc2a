package io.openfirecluster.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How supplied inputs are recognised, rejected and laid out (file layouts only; no Openfire runs here). */
class OpenfireDistributionTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void directoryWithoutStartScriptIsRejectedNamingThePath() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/xmppserver-5.1.1.jar"), "");
        DistException e = assertThrows(DistException.class, () -> OpenfireDistribution.check(dir));
        assertEquals(dir + " is not an Openfire distribution (no bin/openfire.sh and lib/xmppserver*.jar): "
                + "give -Dopenfire.dist a distribution directory or an openfire_*.tar.gz release", e.getMessage());
    }

    @Test
    void releaseTarballIsLaidOutWithoutItsTopDirectoryAndKeepsExecutableBits() throws Exception {
        Path tarball = dir.resolve("openfire_5_1_1.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(tarball)))) {
            add(tar, "openfire/bin/openfire.sh", "#!/bin/sh\n", 0755);
            add(tar, "openfire/lib/xmppserver-5.1.1.jar", "jar", 0644);
        }
        OpenfireDistribution.check(tarball);
        Path target = dir.resolve("out");
        OpenfireDistribution.install(tarball, target);
        assertTrue(Files.isExecutable(target.resolve("bin/openfire.sh")));
        assertEquals("jar", Files.readString(target.resolve("lib/xmppserver-5.1.1.jar")));
    }

    @Test
    void tarballThatIsNotOpenfireIsRejected() throws Exception {
        Path tarball = dir.resolve("other.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(tarball)))) {
            add(tar, "other/README", "hello", 0644);
        }
        assertThrows(DistException.class, () -> OpenfireDistribution.check(tarball));
    }

    @Test
    void jarWithoutPluginXmlIsNotAPlugin() throws IOException {
        Path jar = dir.resolve("hazelcast.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("lib/hazelcast.jar"));
        }
        DistException e = assertThrows(DistException.class, () -> OpenfireDistribution.checkPlugin(jar));
        assertTrue(e.getMessage().startsWith(jar + " is not an Openfire plugin jar"), e.getMessage());
    }

    @Test
    void givenPathThatDoesNotExistIsRejected() {
        Path missing = dir.resolve("nope");
        DistException e = assertThrows(DistException.class,
                () -> new Artifacts(log::add).find("Openfire 5.1.1", missing, dir.resolve("cache.tar.gz"), null, ""));
        assertEquals("Openfire 5.1.1 " + missing + " does not exist: fix the path", e.getMessage());
    }

    @Test
    void cachedFileWithWrongChecksumIsRejected() throws IOException {
        Path cached = Files.writeString(dir.resolve("openfire-5.1.1.tar.gz"), "not what was published");
        DistException e = assertThrows(DistException.class,
                () -> new Artifacts(log::add).find("Openfire 5.1.1", null, cached, null, "00".repeat(32)));
        assertTrue(e.getMessage().contains("but " + "00".repeat(32) + " was expected"), e.getMessage());
    }

    @Test
    void nothingGivenNothingCachedAndNoDownloadFindsNothing() throws DistException {
        assertEquals(Optional.empty(), new Artifacts(log::add).find("Openfire 5.1.1", null, dir.resolve("none.tar.gz"), null, ""));
    }

    private static void add(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /** Offline, the JDK's own message is often null: the build says what failed instead. */
    @Test
    void aDownloadThatCannotConnectSaysSo() throws Exception {
        java.net.URI closed = java.net.URI.create("http://127.0.0.1:1/openfire.tar.gz");
        IOException failure = assertThrows(IOException.class, () -> java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(closed).build(), java.net.http.HttpResponse.BodyHandlers.discarding()));
        String reason = Artifacts.reason(closed, failure);
        assertTrue(reason.startsWith("cannot connect to 127.0.0.1:1"), reason);
        assertTrue(Artifacts.reason(java.net.URI.create("https://download.invalid/x"), new java.net.UnknownHostException()).contains("does not resolve"));
    }

    /** An unpacked plugin is what Openfire would unpack, and not older than its jar (or Openfire unpacks it again). */
    @Test
    void pluginIsInstalledAsJarAndUnpackedWithTheJarsTime() throws Exception {
        Path jar = dir.resolve("my.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("plugin.xml"));
            zip.write("<plugin/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("lib/my.jar"));
            zip.write(new byte[] {1, 2, 3});
        }
        Path plugins = dir.resolve("plugins");
        OpenfireDistribution.installPlugin(jar, plugins, "my", true);
        assertEquals("<plugin/>", Files.readString(plugins.resolve("my/plugin.xml")));
        assertEquals(3, Files.size(plugins.resolve("my/lib/my.jar")));
        assertEquals(Files.getLastModifiedTime(plugins.resolve("my.jar")), Files.getLastModifiedTime(plugins.resolve("my")));
        OpenfireDistribution.installPlugin(jar, plugins, "my", false);
        assertTrue(Files.isRegularFile(plugins.resolve("my.jar")) && Files.notExists(plugins.resolve("my")));
    }

    /** -Dopenfire.plugins: the user's plugins are laid out as the Hazelcast plugin is, each under Openfire's name for it. */
    @Test
    void userPluginsAreLaidOutNextToHazelcastUnpacked() throws Exception {
        Path dist = dir.resolve("dist");
        Files.createDirectories(dist.resolve("bin"));
        Files.createDirectories(dist.resolve("lib"));
        Files.writeString(dist.resolve("bin/openfire.sh"), "#!/bin/sh\n");
        Files.writeString(dist.resolve("lib/xmppserver-5.1.1.jar"), "jar");
        Path hazelcast = pluginJar(dir.resolve("hazelcast-5.5.0.1.jar"), "<plugin><version>5.5.0.1</version></plugin>");
        Files.createDirectories(dir.resolve("mine"));
        Path probe = pluginJar(dir.resolve("mine/Probe.jar"), "<plugin><version>1</version></plugin>");
        Path other = pluginJar(dir.resolve("mine/other.jar"), "<plugin/>");
        List<io.openfirecluster.topology.PluginJar> plugins = io.openfirecluster.topology.PluginJar.resolve(dir.resolve("mine").toString());
        Path target = dir.resolve("out");
        OpenfireDistribution.layOut(dist, hazelcast, plugins, target, true);
        assertTrue(Files.isRegularFile(target.resolve("plugins/hazelcast.jar")));
        assertEquals("<plugin><version>5.5.0.1</version></plugin>", Files.readString(target.resolve("plugins/hazelcast/plugin.xml")));
        assertEquals(Files.size(probe), Files.size(target.resolve("plugins/probe.jar")));
        assertEquals("<plugin><version>1</version></plugin>", Files.readString(target.resolve("plugins/probe/plugin.xml")));
        assertEquals(Files.size(other), Files.size(target.resolve("plugins/other.jar")));
        assertTrue(Files.isRegularFile(target.resolve("plugins/other/plugin.xml")));
    }

    private static Path pluginJar(Path jar, String pluginXml) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("plugin.xml"));
            zip.write(pluginXml.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
