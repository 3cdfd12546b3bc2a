package io.openfirecluster.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A user's Openfire plugin jar ({@code -Dopenfire.plugins=PATH[,PATH...]}): a jar with plugin.xml
 * at its root. Its name is Openfire's canonical name, the file name without ".jar" in lower case
 * (PluginMonitor), and its version the one plugin.xml declares, for people: Openfire logs its own
 * reading of it ("Successfully loaded plugin 'NAME-VERSION'." with VERSION as its Version class
 * normalises it, e.g. "0.0.0" for a plugin.xml version "1"), so tools match the name, not the version.
 */
public record PluginJar(Path jar, String name, String version) {
    /** Names the lab itself uses: the clustering plugin comes from -Dhazelcast.plugin, "admin" is Openfire's console. */
    private static final List<String> RESERVED = List.of("hazelcast", "admin");

    /**
     * The plugins PATHS names (comma-separated jars and directories of jars), checked; empty for
     * null or blank. One line naming the bad path otherwise.
     */
    public static List<PluginJar> resolve(String paths) {
        Map<String, PluginJar> byName = new LinkedHashMap<>();
        for (String path : paths == null ? new String[0] : paths.split(",")) {
            if (path.isBlank()) {
                continue;
            }
            for (Path jar : jars(Path.of(path.trim()))) {
                PluginJar plugin = check(jar);
                PluginJar other = byName.put(plugin.name(), plugin);
                if (other != null) {
                    throw new LabException("openfire.plugins: " + other.jar() + " and " + jar + " are both plugin '" + plugin.name()
                            + "': give each plugin once");
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static List<Path> jars(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                List<Path> jars = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                        .filter(Files::isRegularFile).sorted().toList();
                if (jars.isEmpty()) {
                    throw new LabException("openfire.plugins: directory " + path + " holds no .jar: give plugin jars or a directory of them");
                }
                return jars;
            } catch (IOException e) {
                throw new LabException("openfire.plugins: directory " + path + " cannot be read (" + e.getMessage() + "): fix its permissions");
            }
        }
        if (!Files.exists(path)) {
            throw new LabException("openfire.plugins: " + path + " does not exist: give plugin jars or a directory of them, e.g. -Dopenfire.plugins=target/myplugin.jar");
        }
        return List.of(path);
    }

    /** JAR as a plugin, or one line saying why it is not one. */
    public static PluginJar check(Path jar) {
        String file = jar.getFileName().toString();
        if (!file.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            throw new LabException("openfire.plugins: " + jar + " is not a .jar: Openfire loads plugins from NAME.jar files");
        }
        String name = file.substring(0, file.length() - 4).toLowerCase(Locale.ROOT);
        if (RESERVED.contains(name)) {
            throw new LabException("openfire.plugins: " + jar + " would replace the lab's own plugin '" + name
                    + "': rename it" + (name.equals("hazelcast") ? ", or give the Hazelcast plugin as -Dhazelcast.plugin=JAR" : ""));
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry pluginXml = zip.getEntry("plugin.xml");
            if (pluginXml != null) {
                try (InputStream in = zip.getInputStream(pluginXml)) {
                    return new PluginJar(jar, name, version(in));
                }
            }
        } catch (IOException e) {
            // not a zip, or unreadable: reported below
        }
        throw new LabException("openfire.plugins: " + jar + " is not an Openfire plugin jar (no plugin.xml inside): give the plugin's built jar");
    }

    /** The version plugin.xml declares, or null when it declares none (or is not XML Openfire could read either). */
    private static String version(InputStream pluginXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList versions = factory.newDocumentBuilder().parse(pluginXml).getDocumentElement().getElementsByTagName("version");
            for (int i = 0; i < versions.getLength(); i++) {
                Element version = (Element) versions.item(i);
                if (version.getParentNode().getParentNode() != null && version.getParentNode().getNodeName().equals("plugin")) {
                    String text = version.getTextContent().trim();
                    return text.isEmpty() ? null : text;
                }
            }
        } catch (Exception e) {
            // no version to show
        }
        return null;
    }

    /** For messages: "NAME VERSION" (the version as plugin.xml has it), or "NAME" without one. */
    public String label() {
        return version == null ? name : name + " " + version;
    }
}
