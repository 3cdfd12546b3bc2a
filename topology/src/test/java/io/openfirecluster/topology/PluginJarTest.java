package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Dopenfire.plugins: jars and directories of jars, named as Openfire names them, bad paths in one line. */
class PluginJarTest {
    @TempDir
    Path dir;

    @Test
    void aJarIsNamedAsOpenfireNamesItAndKnowsItsVersion() throws IOException {
        Path jar = plugin(dir.resolve("MyPlugin.jar"), "<plugin><name>Mine</name><version>1.2.3</version></plugin>");
        PluginJar plugin = PluginJar.check(jar);
        assertEquals("myplugin", plugin.name());
        assertEquals("1.2.3", plugin.version());
        assertEquals("myplugin 1.2.3", plugin.label());
    }

    @Test
    void aDirectoryGivesEveryJarInIt() throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        plugin(dir.resolve("plugins/b.jar"), "<plugin/>");
        plugin(dir.resolve("plugins/a.jar"), "<plugin/>");
        Files.writeString(dir.resolve("plugins/README"), "not a plugin");
        Path c = plugin(dir.resolve("c.jar"), "<plugin/>");
        List<PluginJar> plugins = PluginJar.resolve(dir.resolve("plugins") + "," + c);
        assertEquals(List.of("a", "b", "c"), plugins.stream().map(PluginJar::name).toList());
        assertEquals("a", plugins.get(0).label());
    }

    @Test
    void aJarWithoutPluginXmlIsNamedInOneLine() throws IOException {
        Path jar = dir.resolve("lib.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("x.class"));
        }
        assertEquals("openfire.plugins: " + jar + " is not an Openfire plugin jar (no plugin.xml inside): give the plugin's built jar",
                assertThrows(LabException.class, () -> PluginJar.resolve(jar.toString())).getMessage());
    }

    @Test
    void aMissingPathOrAnEmptyDirectoryIsNamed() throws IOException {
        assertTrue(assertThrows(LabException.class, () -> PluginJar.resolve(dir.resolve("nope.jar").toString())).getMessage()
                .startsWith("openfire.plugins: " + dir.resolve("nope.jar") + " does not exist: "));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertTrue(assertThrows(LabException.class, () -> PluginJar.resolve(empty.toString())).getMessage()
                .startsWith("openfire.plugins: directory " + empty + " holds no .jar"));
    }

    @Test
    void theLabsOwnPluginsAndTwiceTheSameNameAreRefused() throws IOException {
        Path hazelcast = plugin(dir.resolve("hazelcast.jar"), "<plugin/>");
        assertTrue(assertThrows(LabException.class, () -> PluginJar.check(hazelcast)).getMessage().contains("-Dhazelcast.plugin"));
        Files.createDirectories(dir.resolve("x"));
        Path one = plugin(dir.resolve("x/Probe.jar"), "<plugin/>");
        Path two = plugin(dir.resolve("probe.jar"), "<plugin/>");
        assertTrue(assertThrows(LabException.class, () -> PluginJar.resolve(one + "," + two)).getMessage().contains("are both plugin 'probe'"));
    }

    @Test
    void nothingGivenIsNoPlugin() {
        assertEquals(List.of(), PluginJar.resolve(null));
        assertEquals(List.of(), PluginJar.resolve(" "));
    }

    static Path plugin(Path jar, String pluginXml) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("plugin.xml"));
            zip.write(pluginXml.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
