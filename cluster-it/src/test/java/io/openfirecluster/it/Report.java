package io.openfirecluster.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The lab's figures (start-up phases, memory, chat round trip, partition timing), measured from
 * what the containers logged and what the tests saw, never asserted. Each line is printed once,
 * when measured; when the test run ends (registered as a JUnit session listener) all of them are
 * appended to lab-report.txt in the reports directory, so one file gathers every test run's
 * figures of the module (the build runs more than one) without the console repeating them.
 */
public final class Report implements LauncherSessionListener {
    static final String FILE = "lab-report.txt";
    private static final List<String> LINES = Collections.synchronizedList(new ArrayList<>());

    static void add(String line) {
        LINES.add(line);
        System.out.println("[report] " + line);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String reports = System.getProperty("lab.reports");
        if (LINES.isEmpty() || reports == null) {
            return;
        }
        Path file = Path.of(reports, FILE);
        try {
            Files.createDirectories(file.getParent());
            List<String> block = new ArrayList<>(List.of("# test run ended " + Instant.now()));
            synchronized (LINES) {
                block.addAll(LINES);
            }
            Files.write(file, block, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("[report] " + (block.size() - 1) + " figure(s) of this test run added to " + file);
        } catch (IOException e) {
            System.out.println("[report] cannot write " + file + ": " + e.getMessage());
        }
    }
}
