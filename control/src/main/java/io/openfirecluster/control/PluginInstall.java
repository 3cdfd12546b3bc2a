package io.openfirecluster.control;

import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.Format;
import io.openfirecluster.topology.PluginJar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Puts plugin jars into every running node of the lab, where Openfire's PluginMonitor finds them
 * (plugins/NAME.jar; a jar newer than its unpacked directory is unloaded and loaded again), and
 * waits until every node has loaded each of them: no image rebuild, no restart.
 *
 * <p>A jar arrives under a name PluginMonitor ignores (it looks at *.jar and *.war only) and is
 * then renamed in the same directory, one atomic rename(2), so Openfire never reads half a jar.
 * "Loaded" is Openfire's own word: PluginManager logs "Successfully loaded plugin 'NAME-VERSION'."
 * (INFO, to the container's stdout, see the image's log4j2.xml) when the plugin's class was
 * initialised; such a line logged after the copy is the proof (a replaced plugin is unloaded and
 * loaded again, so it logs a new one). VERSION is Openfire's normalised reading of plugin.xml's
 * (its Version class makes "1" "0.0.0"), so the name is matched and any version accepted.
 */
public final class PluginInstall {
    /** Where Openfire looks for plugins in the node image (its home is /opt/openfire). */
    public static final String PLUGINS = "/opt/openfire/plugins";
    private static final Duration EXEC = Duration.ofSeconds(30);

    private final LabNetwork lab;
    private final Consumer<String> log;

    public PluginInstall(LabNetwork lab, Consumer<String> log) {
        this.lab = lab;
        this.log = log;
    }

    /**
     * Copies every plugin into every node, then waits up to DEADLINE until each node has loaded
     * each of them; fails in one line naming the nodes that did not. Returns how long that took.
     */
    public Duration install(List<PluginJar> plugins, Duration deadline) {
        List<String> nodes = lab.topology().nodeNames();
        Map<String, String> containers = new LinkedHashMap<>();
        for (String node : nodes) {
            String container = lab.topology().container(lab.topology().service(node));
            requireRunning(node, container);
            containers.put(node, container);
        }
        // Docker stamps each log line on arrival, with this machine's clock: lines of the new
        // load come after this instant. Whole seconds for the log query, exact for the filter.
        Instant copied = Instant.now();
        for (PluginJar plugin : plugins) {
            byte[] tar = tar(plugin, copied);
            containers.forEach((node, container) -> copy(node, container, plugin, tar));
            log.accept("copied " + plugin.jar().getFileName() + " to " + PLUGINS + "/" + plugin.name() + ".jar on " + String.join(", ", nodes));
        }
        for (PluginJar plugin : plugins) {
            awaitLoaded(plugin, containers, copied, deadline);
        }
        return Duration.between(copied, Instant.now());
    }

    private void requireRunning(String node, String container) {
        if (lab.containers().state(container).running()) {
            return;
        }
        throw new LabException("node " + node + " (" + container + ") is not running: start the lab (./mvnw install -DskipITs -Dplay)"
                + " or the node (lab:start -Dlab.service=" + node + ") first");
    }

    /** The jar as a one-file tar under its temporary name, stamped COPIED (a jar newer than the unpacked plugin is reloaded). */
    private static byte[] tar(PluginJar plugin, Instant copied) {
        try {
            byte[] jar = Files.readAllBytes(plugin.jar());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
                TarArchiveEntry entry = new TarArchiveEntry(temporaryName(plugin));
                entry.setSize(jar.length);
                entry.setMode(0644);
                entry.setModTime(Date.from(copied));
                tar.putArchiveEntry(entry);
                tar.write(jar);
                tar.closeArchiveEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new LabException("cannot read " + plugin.jar() + " (" + e.getMessage() + "): give a readable plugin jar");
        }
    }

    /** Not *.jar or *.war, so PluginMonitor ignores it until it is renamed. */
    static String temporaryName(PluginJar plugin) {
        return "." + plugin.name() + ".jar.lab-part";
    }

    private void copy(String node, String container, PluginJar plugin, byte[] tar) {
        lab.containers().copyTo(container, PLUGINS, tar);
        String part = PLUGINS + "/" + temporaryName(plugin);
        String jar = PLUGINS + "/" + plugin.name() + ".jar";
        // Owned by the user Openfire runs as (it deletes and unpacks there); touch: newer than
        // the unpacked directory by this container's own clock; mv: rename(2), atomic.
        Containers.ExecResult result = lab.containers().execAsRoot(container, EXEC, "sh", "-c",
                "chown openfire:openfire \"$1\" && touch \"$1\" && mv -f \"$1\" \"$2\"", "sh", part, jar);
        if (result.exitCode() != 0) {
            throw new LabException("cannot put " + plugin.jar().getFileName() + " into " + node + " (" + result.output().trim()
                    + "): is " + container + " a node of this lab's image?");
        }
    }

    private void awaitLoaded(PluginJar plugin, Map<String, String> containers, Instant copied, Duration deadline) {
        Pattern loaded = loadedLine(plugin);
        List<String> waiting = new ArrayList<>(containers.keySet());
        try {
            Wait.until("plugin " + plugin.label() + " loaded on every node", deadline, () -> {
                waiting.removeIf(node -> loggedSince(containers.get(node), copied, loaded).isPresent());
                return waiting.isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty();
            }, () -> "");
        } catch (WaitTimeoutException e) {
            String node = waiting.get(0);
            String last = lastLineNaming(containers.get(node), copied, plugin);
            throw new LabException("plugin " + plugin.label() + " was not loaded on " + String.join(", ", waiting) + " within "
                    + deadline.toSeconds() + " s of the copy" + (last.isEmpty() ? "" : " (" + node + " last logged: " + last + ")")
                    + ": see docker logs " + containers.get(node));
        }
        log.accept("plugin " + plugin.label() + " loaded on every node, " + Format.seconds(Duration.between(copied, Instant.now())) + " after the copy");
    }

    /** PluginManager's "Successfully loaded plugin 'NAME-VERSION'." (or 'NAME'); versions start with a digit. */
    public static Pattern loadedLine(PluginJar plugin) {
        return Pattern.compile("Successfully loaded plugin '" + Pattern.quote(plugin.name()) + "(-\\d[^']*)?'\\.");
    }

    /** The first line matching PATTERN that CONTAINER logged at or after SINCE. */
    public Optional<String> loggedSince(String container, Instant since, Pattern pattern) {
        return logSince(container, since).stream().filter(line -> pattern.matcher(line).find()).findFirst();
    }

    private String lastLineNaming(String container, Instant since, PluginJar plugin) {
        List<String> lines = logSince(container, since).stream().filter(line -> line.contains("'" + plugin.name())).toList();
        return lines.isEmpty() ? "" : DockerLog.text(lines.get(lines.size() - 1)).trim();
    }

    private List<String> logSince(String container, Instant since) {
        return lab.containers().logs(container, since).lines().filter(line -> !line.isBlank()).filter(line -> {
            try {
                return !DockerLog.timestamp(line).isBefore(since);
            } catch (RuntimeException e) {
                return false; // a continuation of a line split across frames
            }
        }).toList();
    }

}
