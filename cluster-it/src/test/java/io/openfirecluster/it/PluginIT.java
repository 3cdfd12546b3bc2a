package io.openfirecluster.it;

import io.openfirecluster.topology.Format;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.control.PluginInstall;
import io.openfirecluster.testsupport.Lab;
import io.openfirecluster.testsupport.ProbePlugin;
import io.openfirecluster.topology.OpenfireProperties;
import io.openfirecluster.topology.PluginJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * lab:plugin and -Dopenfire.properties on the real lab: a plugin this test compiles against the
 * lab's Openfire is put into every running node (PluginInstall, what lab:plugin runs) and every
 * node loads it; version 2 replaces version 1 on the running nodes; and the plugin prints what
 * each node's Openfire reads for the properties lab:up seeded (target/lab/openfire.properties;
 * cluster-it gives its lab some by default, -Dopenfire.properties gives others).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginIT {
    private static final String NAME = "labprobe";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** JUnit removes it after the class, also when a test failed. */
    @TempDir
    static Path work;
    private static Path openfireLib;
    private static Map<String, String> seeded;

    @BeforeAll
    static void openfireOfTheLab() throws IOException {
        Lab lab = Lab.get();
        openfireLib = Files.createDirectories(work.resolve("lib"));
        copyServerJar(lab, lab.container(Nodes.first()), openfireLib);
        String file = System.getProperty("lab.openfire.properties");
        seeded = file == null ? Map.of() : OpenfireProperties.load(Path.of(file)).values();
        System.out.println("[report] plugin: Openfire properties seeded by lab:up: " + seeded.keySet());
    }

    @Test
    @Order(1)
    void everyNodeLoadsThePluginAndReadsTheSeededProperties() throws IOException {
        Lab lab = Lab.get();
        String expected = ProbePlugin.initializedLine(NAME, "1.0.0") + reported();
        Instant copied = install("1.0.0");
        for (String node : lab.nodes()) {
            assertLogged(lab, node, copied, expected);
        }
    }

    @Test
    @Order(2)
    void version2ReplacesVersion1OnTheRunningNodes() throws IOException {
        Lab lab = Lab.get();
        Instant copied = install("2.0.0");
        for (String node : lab.nodes()) {
            assertLogged(lab, node, copied, "lab-probe " + NAME + " 1.0.0 destroyed");
            assertLogged(lab, node, copied, ProbePlugin.initializedLine(NAME, "2.0.0") + reported());
        }
    }

    /** The probe leaves the lab as it found it: Openfire unloads a plugin whose jar is gone. */
    @AfterAll
    static void removeTheProbe() {
        Lab lab = Lab.get();
        for (String node : lab.nodes()) {
            lab.network().containers().execAsRoot(lab.container(node), Duration.ofSeconds(30), "rm", "-f", PluginInstall.PLUGINS + "/" + NAME + ".jar");
        }
    }

    /** Builds version VERSION and installs it as lab:plugin does; returns when it was copied. */
    private static Instant install(String version) throws IOException {
        Lab lab = Lab.get();
        Path dir = Files.createDirectories(work.resolve("v" + version));
        Path jar = ProbePlugin.build(dir, NAME, version, openfireLib, new ArrayList<>(seeded.keySet()));
        PluginJar plugin = PluginJar.check(jar);
        Instant copied = Instant.now();
        Duration took = new PluginInstall(lab.network(), message -> System.out.println("[lab] " + message)).install(List.of(plugin), DEADLINE);
        System.out.println("[report] plugin: " + plugin.label() + " loaded on " + lab.nodes().size() + " nodes " + Format.seconds(took) + " after the copy");
        return copied;
    }

    private static String reported() {
        StringBuilder line = new StringBuilder();
        seeded.forEach((name, value) -> line.append(ProbePlugin.reported(name, value)));
        return line.toString();
    }

    private static void assertLogged(Lab lab, String node, Instant since, String text) {
        PluginInstall install = new PluginInstall(lab.network(), message -> { });
        // Printed by the plugin when it was initialised, which is before PluginManager's "loaded" line.
        boolean logged = install.loggedSince(lab.container(node), since, Pattern.compile(Pattern.quote(text) + "$")).isPresent();
        assertTrue(logged, node + " did not print '" + text + "' after the copy; its log ends:\n" + lab.tail(node, 30));
    }

    /** Openfire's lib/xmppserver-*.jar from a running node: the probe is compiled against exactly what the lab runs. */
    private static void copyServerJar(Lab lab, String container, Path target) throws IOException {
        String name = lab.network().containers().exec(container, Duration.ofSeconds(30), "sh", "-c", "cd /opt/openfire/lib && ls xmppserver*.jar").output().trim();
        try (InputStream in = lab.docker().copyArchiveFromContainerCmd(container, "/opt/openfire/lib/" + name).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (entry.isFile()) {
                    Files.copy(tar, target.resolve(Path.of(entry.getName()).getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
