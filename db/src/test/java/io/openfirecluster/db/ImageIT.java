package io.openfirecluster.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The image is the known state: containers of it start with the same data, quickly, and keep it
 * across a clean stop and start. Uses its own containers (docker CLI), removed in any case.
 */
class ImageIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Test
    void reportsImageSizeAndTimeToAcceptConnections() {
        long bytes = DbContainer.imageSize(Db.IMAGE);
        System.out.printf("[report] db image %s: %d MB%n", Db.IMAGE, Math.round(bytes / 1e6));

        try (DbContainer container = DbContainer.run(Db.IMAGE)) {
            long millis = container.awaitConnections(STARTUP);
            System.out.printf("[report] db container accepts connections after %d ms%n", millis);
            // No migration work at start: the data directory was shut down cleanly at image build.
            String logs = container.logs();
            assertTrue(logs.contains("database system was shut down at"), logs);
            assertFalse(logs.contains("automatic recovery"), logs);
        }
    }

    @Test
    void twoContainersOfTheImageStartFromTheSameState() {
        try (DbContainer first = DbContainer.run(Db.IMAGE); DbContainer second = DbContainer.run(Db.IMAGE)) {
            first.awaitConnections(STARTUP);
            second.awaitConnections(STARTUP);
            Map<String, String> state = first.db().fingerprint();
            assertEquals(state, second.db().fingerprint());
            assertEquals(3L, Long.parseLong(state.get("ofuser").split(":")[0]), "users in " + state);
        }
    }

    @Test
    void stopAndStartKeepsTheState() {
        try (DbContainer container = DbContainer.run(Db.IMAGE)) {
            container.awaitConnections(STARTUP);
            Map<String, String> before = container.db().fingerprint();

            container.stop(); // the image's STOPSIGNAL: PostgreSQL's fast shutdown
            assertEquals(0, container.exitCode(), container.logs());
            assertTrue(container.logs().contains("received fast shutdown request"), container.logs());
            assertTrue(container.logs().contains("database system is shut down"), container.logs());

            container.start();
            long millis = container.awaitConnections(STARTUP);
            System.out.printf("[report] db container accepts connections after a restart after %d ms%n", millis);
            assertEquals(before, container.db().fingerprint());
            assertFalse(container.logs().contains("automatic recovery"), container.logs());
        }
    }

    @Test
    void runsAsPostgresAndStopsCleanlyOnSigterm() {
        try (DbContainer container = DbContainer.run(Db.IMAGE)) {
            container.awaitConnections(STARTUP);
            assertEquals("postgres", container.exec("id", "-un"));
            assertEquals("postgres", DbContainer.imageUser(Db.IMAGE));
            // PID 1 is PostgreSQL itself, so the signal reaches it.
            assertEquals("postgres", container.exec("cat", "/proc/1/comm"));

            assertEquals(0, container.killAndWait("TERM"), container.logs());
            assertTrue(container.logs().contains("received smart shutdown request"), container.logs());
            assertTrue(container.logs().contains("database system is shut down"), container.logs());
        }
    }
}
