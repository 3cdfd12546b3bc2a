package io.openfirecluster.control;

import io.openfirecluster.topology.LabService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The JVM a running node is on: its Java (the node image's label) and whether it mapped the class
 * archive its image's training boot made (a CDS archive on Java 17 and 21, an ahead-of-time cache
 * on 25). A JVM that rejects the archive (a changed jar, other flags) boots without it and says
 * why in the node's log; a stock run (-Dopenfire.jvm.tuning=) maps none. Read from outside, once:
 * the archive is mapped into the JVM's memory (PID 1 of the node's container) or it is not.
 */
public record NodeJvm(String node, String java, Archive archive) {
    /** The label every node image carries: the Java it runs on. */
    public static final String JAVA_LABEL = "io.openfirecluster.java";

    private static final String LAB = "/opt/openfire-lab/";
    private static final Map<String, String> ARCHIVES = Map.of("openfire.aot", "AOT cache", "openfire.jsa", "CDS archive");

    /** What the image carries and whether the running JVM maps it. */
    public record Archive(String kind, boolean mapped) {
        static final Archive NONE = new Archive("no archive", false);

        @Override
        public String toString() {
            return this.equals(NONE) ? kind : kind + (mapped ? " mapped" : " not used");
        }
    }

    /** NODE's JVM, read from its running container. */
    public static NodeJvm of(LabNetwork lab, LabService node) {
        String container = lab.topology().container(node);
        Map<String, String> labels = lab.containers().labels(container);
        String java = labels.getOrDefault(JAVA_LABEL, "?");
        return new NodeJvm(node.getName(), java, archive(lab.containers(), container));
    }

    private static Archive archive(Containers containers, String container) {
        // One line per archive file the image has: "FILE mapped" or "FILE unused".
        String script = "for f in " + String.join(" ", ARCHIVES.keySet().stream().map(name -> LAB + name).toList())
                + "; do [ -f \"$f\" ] || continue; if grep -qF \"$f\" /proc/1/maps; then echo \"$f mapped\"; else echo \"$f unused\"; fi; done";
        Containers.ExecResult result = containers.exec(container, Duration.ofSeconds(10), "sh", "-c", script);
        return parse(result.output());
    }

    /** The archive from the check's output (see {@link #archive}); NONE when the image has none. */
    static Archive parse(String output) {
        for (String line : output.lines().toList()) {
            String[] words = line.trim().split(" ");
            if (words.length == 2 && words[0].startsWith(LAB)) {
                String kind = ARCHIVES.get(words[0].substring(LAB.length()));
                if (kind != null) {
                    return new Archive(kind, words[1].equals("mapped"));
                }
            }
        }
        return Archive.NONE;
    }

    /** One line for the lab's nodes: "Java 25, AOT cache mapped (3 of 3 nodes)", or each node when they differ. */
    public static String summary(List<NodeJvm> nodes) {
        Map<String, List<String>> byJvm = new TreeMap<>(nodes.stream().collect(
                Collectors.groupingBy(jvm -> "Java " + jvm.java() + ", " + jvm.archive(), Collectors.mapping(NodeJvm::node, Collectors.toList()))));
        if (byJvm.size() == 1) {
            var only = byJvm.entrySet().iterator().next();
            return only.getKey() + " (" + only.getValue().size() + " of " + nodes.size() + " node(s))";
        }
        return byJvm.entrySet().stream().map(e -> e.getKey() + " on " + String.join(",", e.getValue())).collect(Collectors.joining("; "));
    }
}
