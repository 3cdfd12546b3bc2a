package io.openfirecluster.dist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import io.openfirecluster.labplugin.LabPlugin;
import io.openfirecluster.topology.PluginJar;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An Openfire server distribution, as a directory (e.g. distribution/target/distribution-base of
 * an Openfire checkout) or a release tarball (openfire_5_1_1.tar.gz, one top directory "openfire/").
 */
final class OpenfireDistribution {
    private OpenfireDistribution() {
    }

    /** Fails unless PATH holds bin/openfire.sh and lib/xmppserver*.jar, the two things the image runs. */
    static void check(Path path) throws DistException {
        boolean ok;
        if (Files.isDirectory(path)) {
            ok = Files.isRegularFile(path.resolve("bin/openfire.sh")) && hasServerJar(path.resolve("lib"));
        } else {
            ok = tarPrefix(path) != null;
        }
        if (!ok) {
            throw new DistException(path + " is not an Openfire distribution (no bin/openfire.sh and lib/xmppserver*.jar): "
                    + "give -Dopenfire.dist a distribution directory or an openfire_*.tar.gz release");
        }
    }

    /** Lays the distribution out in TARGET (replacing what was there), keeping the executable bits. */
    static void install(Path path, Path target) throws DistException {
        try {
            deleteTree(target);
            Files.createDirectories(target);
            if (Files.isDirectory(path)) {
                copyTree(path, target);
            } else {
                untar(path, tarPrefix(path), target);
            }
        } catch (IOException e) {
            throw new DistException("cannot lay out Openfire from " + path + " in " + target + ": " + e.getMessage());
        }
    }

    /** A Hazelcast plugin is a jar with plugin.xml at its root (and the Hazelcast jars under lib/). */
    static void checkPlugin(Path jar) throws DistException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry("plugin.xml") != null) {
                return;
            }
        } catch (IOException e) {
            // not a zip at all: reported below
        }
        throw new DistException(jar + " is not an Openfire plugin jar (no plugin.xml inside): "
                + "give -Dhazelcast.plugin the Hazelcast plugin's jar (hazelcast.jar)");
    }

    /**
     * Puts plugin JAR into PLUGINS as NAME.jar and, with EXPLODE, also unpacked as NAME/, the way
     * Openfire's PluginMonitor would unpack it at first start (seconds of every node's boot). The
     * directory gets the jar's time: Openfire unpacks again only a jar newer than its directory.
     */
    static void installPlugin(Path jar, Path plugins, String name, boolean explode) throws IOException {
        Files.createDirectories(plugins);
        Path target = plugins.resolve(name + ".jar");
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        Path dir = plugins.resolve(name);
        deleteTree(dir);
        if (!explode) {
            return;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                Path out = dir.resolve(entry.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException(jar + " has an entry outside the plugin directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Files.setLastModifiedTime(dir, Files.getLastModifiedTime(target));
    }

    /**
     * Lays out the image's Openfire in TARGET: the distribution, the Hazelcast plugin and the
     * user's plugins (-Dopenfire.plugins) side by side in plugins/, each unpacked with EXPLODE.
     */
    static void layOut(Path openfire, Path hazelcast, List<PluginJar> plugins, Path target, boolean explode) throws DistException, IOException {
        install(openfire, target);
        Path pluginsDir = target.resolve("plugins");
        installPlugin(hazelcast, pluginsDir, "hazelcast", explode);
        PluginLayout.install(plugins, pluginsDir, explode);
    }

    /**
     * Adds the lab's own plugin (openfirelab) to the Openfire laid out in TARGET: compiled here,
     * against that distribution's lib/xmppserver-*.jar, so every node runs it (never a committed jar).
     */
    static void installLabPlugin(Path target, boolean explode) throws IOException {
        Path build = Files.createTempDirectory("openfirelab");
        try {
            installPlugin(LabPlugin.build(target.resolve("lib"), build), target.resolve("plugins"), LabPlugin.NAME, explode);
        } finally {
            deleteTree(build);
        }
    }

    private static boolean hasServerJar(Path lib) {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("xmppserver.*\\.jar"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The directory inside the tarball that holds bin/openfire.sh (e.g. "openfire/"), or null. */
    private static String tarPrefix(Path tarball) {
        String prefix = null;
        boolean serverJar = false;
        try (TarArchiveInputStream tar = open(tarball)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.endsWith("bin/openfire.sh")) {
                    prefix = name.substring(0, name.length() - "bin/openfire.sh".length());
                }
                serverJar |= name.matches("(.*/)?lib/xmppserver[^/]*\\.jar");
            }
        } catch (IOException e) {
            return null;
        }
        return serverJar ? prefix : null;
    }

    private static void untar(Path tarball, String prefix, Path target) throws IOException {
        try (TarArchiveInputStream tar = open(tarball)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (!entry.getName().startsWith(prefix) || entry.getName().length() == prefix.length()) {
                    continue;
                }
                Path out = target.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("entry " + entry.getName() + " points outside the distribution");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                        perms.add(PosixFilePermission.OWNER_EXECUTE);
                        perms.add(PosixFilePermission.GROUP_EXECUTE);
                        perms.add(PosixFilePermission.OTHERS_EXECUTE);
                        Files.setPosixFilePermissions(out, perms);
                    }
                }
            }
        }
    }

    private static TarArchiveInputStream open(Path tarball) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
        return new TarArchiveInputStream(new GzipCompressorInputStream(in));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path from : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
