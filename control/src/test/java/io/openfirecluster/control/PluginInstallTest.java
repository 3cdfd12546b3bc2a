package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.PluginJar;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which of Openfire's log lines say that a plugin was loaded (lines as Openfire 5.1.1 logs them). */
class PluginInstallTest {
    private static final Pattern PROBE = PluginInstall.loadedLine(new PluginJar(Path.of("labprobe.jar"), "labprobe", "1"));

    @Test
    void anyVersionOpenfireReportsCounts() {
        // plugin.xml said "1"; Openfire's Version class reads that as 0.0.0.
        assertTrue(PROBE.matcher("2026-11-26 23:33:54.363 INFO  [PluginMonitorExec-1]: org.jivesoftware.openfire.container.PluginManager"
                + " - Successfully loaded plugin 'labprobe-0.0.0'.").find());
        assertTrue(PROBE.matcher("Successfully loaded plugin 'labprobe-2.0.0 Beta 1'.").find());
        assertTrue(PROBE.matcher("Successfully loaded plugin 'labprobe'.").find());
    }

    @Test
    void anotherPluginWhoseNameStartsTheSameDoesNot() {
        assertFalse(PROBE.matcher("Successfully loaded plugin 'labprobe-extra-1.0.0'.").find());
        assertFalse(PROBE.matcher("Successfully loaded plugin 'labprobe2-1.0.0'.").find());
        assertFalse(PROBE.matcher("Successfully unloaded plugin 'labprobe'.").find());
    }

    @Test
    void theTemporaryNameIsNoJarForPluginMonitor() {
        String name = PluginInstall.temporaryName(new PluginJar(Path.of("labprobe.jar"), "labprobe", "1"));
        assertFalse(name.endsWith(".jar") || name.endsWith(".war"), name);
    }
}
