package io.openfirecluster.labplugin;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds an Openfire plugin jar from Java sources: compiled (javax.tools, in this JVM, which must
 * be a JDK) against the server jar of the Openfire it is for, because Openfire is not on Maven
 * Central. The jar holds plugin.xml at its root and the classes under classes/, as Openfire's
 * PluginManager reads them.
 */
public final class PluginCompiler {
    private PluginCompiler() {
    }

    /**
     * Writes JAR from PLUGIN_XML and SOURCES (each a path such as "io/x/Y.java" to its text),
     * compiled against the jars of OPENFIRE_LIB (its xmppserver-*.jar and libraries). Fails in one line naming the compiler's errors.
     */
    public static Path build(Path jar, String pluginXml, Map<String, String> sources, Path openfireLib) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("no Java compiler in this JVM (" + System.getProperty("java.home") + "): build with a JDK");
        }
        Path classes = Files.createTempDirectory("openfire-plugin-classes");
        try {
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((path, text) -> units.add(new Source(path, text)));
            StringWriter errors = new StringWriter();
            boolean compiled = javac.getTask(errors, null, null,
                    List.of("--release", "17", "-classpath", classpath(openfireLib), "-d", classes.toString()),
                    null, units).call();
            if (!compiled) {
                throw new IOException("the plugin for " + jar.getFileName() + " did not compile against " + openfireLib + ":\n" + errors);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                add(out, "plugin.xml", pluginXml.getBytes(StandardCharsets.UTF_8));
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        add(out, "classes/" + classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
            return jar;
        } finally {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Every jar in LIB, Openfire's lib directory: its server jar and the libraries its API names (JID is Tinder's). */
    static String classpath(Path lib) throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.map(Path::toString).filter(f -> f.endsWith(".jar")).sorted().toList();
        }
        if (jars.stream().noneMatch(f -> Path.of(f).getFileName().toString().matches("xmppserver.*\\.jar"))) {
            throw new IOException(lib + " has no xmppserver*.jar: give Openfire's lib directory");
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    /**
     * Every entry's time: the same sources make the same bytes, so the node image's layers stay
     * cached across builds (Docker compares the files' contents) and its training boot runs only
     * when something changed. (The jar file's own time still says when it was built.)
     */
    private static final long ENTRY_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(ENTRY_TIME);
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    /** A source held in memory: the plugin's sources come from a jar's resources or a test's text. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
