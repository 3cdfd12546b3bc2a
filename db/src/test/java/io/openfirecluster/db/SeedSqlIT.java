package io.openfirecluster.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The image's seed as SQL (/opt/lab/seed.sql, what the node image's training boot loads into its
 * own Debian's PostgreSQL) makes the very state of the image's data directory: loaded into an empty
 * second server in the same container, both dump alike, role, schema and every row.
 */
class SeedSqlIT {
    // pg_dump's restrict and unrestrict meta-command lines carry a random key per run: not state.
    private static final String DUMP = "pg_dump --no-password \"$@\" -d " + Db.NAME + " | grep -v '^\\\\\\(un\\)\\?restrict '";

    @Test
    void seedSqlLoadedIntoAnEmptyServerDumpsLikeTheSeededDataDirectory() {
        try (DbContainer container = DbContainer.run(Db.IMAGE)) {
            container.awaitConnections(Duration.ofSeconds(60));
            container.exec("sh", "-c", "initdb --username=postgres --encoding=UTF8 --no-locale -D /tmp/empty >/dev/null"
                    + " && pg_ctl --wait --silent -D /tmp/empty -o \"-p 5433 -k /tmp -c listen_addresses=''\" start"
                    + " && psql --quiet --no-psqlrc -v ON_ERROR_STOP=1 -h /tmp -p 5433 -d postgres -f /opt/lab/seed.sql >/dev/null");

            String seeded = container.exec("sh", "-c", DUMP, "dump");
            String loaded = container.exec("sh", "-c", DUMP, "dump", "-h", "/tmp", "-p", "5433");
            assertTrue(seeded.contains("COPY public.ofuser"), "the seeded dump has the users' rows: " + seeded.lines().limit(20).toList());
            assertEquals(seeded, loaded);
            assertEquals("1", container.exec("psql", "--no-psqlrc", "-At", "-h", "/tmp", "-p", "5433", "-d", "postgres",
                    "-c", "SELECT count(*) FROM pg_roles WHERE rolname = '" + Db.USER + "' AND rolcanlogin"));
        }
    }
}
