package io.openfirecluster.it;

import io.openfirecluster.testsupport.Lab;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a test fails, every node's JVM prints a thread dump into its log, so a stalled Openfire
 * (a login that gets no answer, a cluster that does not form) leaves behind what it was waiting
 * for: lab:down saves the logs to target/lab-logs. Registered for every test class of this module
 * (META-INF/services, extension autodetection in junit-platform.properties).
 */
public final class ThreadDumpsOnFailure implements TestWatcher {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Lab.connected().ifPresent(lab -> {
            List<String> dumped = lab.threadDumps(DEADLINE);
            String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            System.out.println("[lab] " + test + " failed: thread dumps of " + dumped
                    + " are in their logs (target/lab-logs after lab:down)");
        });
    }
}
