package io.openfirecluster.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The lab's figures (start-up phases, memory, chat round trip, partition timing), measured from
 * what the containers logged and what the tests saw, never asserted. Each line is printed when
 * measured and all of them again when the test run ends (registered as a JUnit session listener).
 */
public final class Report implements LauncherSessionListener {
    private static final List<String> LINES = Collections.synchronizedList(new ArrayList<>());

    static void add(String line) {
        LINES.add(line);
        System.out.println("[report] " + line);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (LINES.isEmpty()) {
            return;
        }
        System.out.println("[report] ===== openfire-cluster lab report =====");
        synchronized (LINES) {
            LINES.forEach(line -> System.out.println("[report] " + line));
        }
    }

}
