package io.openfirecluster.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

/**
 * Each dataset location, applied with Flyway to a running container, adds exactly its rows; they
 * apply in any order (here: not in version order). Uses its own container, removed in any case.
 */
class DatasetIT {

    @Test
    void datasetsAddExactlyTheirRowsInAnyOrder() {
        try (DbContainer container = DbContainer.run(Db.IMAGE)) {
            container.awaitConnections(Duration.ofSeconds(60));
            Db db = container.db();

            // The dataset with the highest rooms version first, the lower one out of order after it.
            apply(db, "rooms-10000", Map.of("ofmucroom", 10_000L, "ofmucaffiliation", 10_000L));
            apply(db, "rooms-50", Map.of("ofmucroom", 50L, "ofmucaffiliation", 50L));
            apply(db, "messages", Map.of("ofmucconversationlog", 300_000L));
            apply(db, "users-10000", Map.of("ofuser", 10_000L));

            // The ids Openfire takes next are past every id the datasets used, and none is used twice.
            assertEquals(db.count("SELECT max(roomID) + 1 FROM ofMucRoom"),
                    db.count("SELECT id FROM ofID WHERE idType = 23"));
            assertEquals(db.count("SELECT max(messageID) + 1 FROM ofMucConversationLog"),
                    db.count("SELECT id FROM ofID WHERE idType = 27"));
            assertEquals(10_052L, db.count("SELECT count(DISTINCT roomID) FROM ofMucRoom"));
            assertEquals(10_052L, db.count("SELECT count(*) FROM ofMucRoom r JOIN ofMucAffiliation a"
                    + " ON a.roomID = r.roomID AND a.jid = ? AND a.affiliation = 10", "admin@" + Db.XMPP_DOMAIN));
            assertEquals(150_000L, db.count("SELECT count(*) FROM ofMucConversationLog l"
                    + " JOIN ofMucRoom r ON r.roomID = l.roomID WHERE r.name = 'muc1'"));
            assertEquals(300_000L, db.count("SELECT count(DISTINCT messageID) FROM ofMucConversationLog"));

            // The load accounts carry the seed's kind of credentials, and the keys computed in SQL
            // are the ones Java's PBKDF2 derives from the password and the stored salt.
            assertEquals(10_000L, db.count("SELECT count(*) FROM ofUser WHERE username LIKE 'load%'"
                    + " AND plainPassword IS NULL AND encryptedPassword IS NULL AND iterations = 4096"));
            List<Object> load = db.query("SELECT salt, storedKey, serverKey FROM ofUser WHERE username = 'load10000'").get(0);
            Scram expected = Scram.create(Db.USER_PASSWORD, Base64.getDecoder().decode((String) load.get(0)), Scram.ITERATIONS);
            assertEquals(expected.storedKey(), load.get(1), "storedKey of load10000");
            assertEquals(expected.serverKey(), load.get(2), "serverKey of load10000");
            assertEquals(0L, db.count("SELECT count(*) FROM pg_extension WHERE extname = 'pgcrypto'"), "pgcrypto left behind");

            // With all datasets named, Flyway validates and has nothing left to do.
            Flyway all = DbFlyway.configure(db.url(), DbFlyway.DATASETS.toArray(String[]::new)).load();
            ValidateResult validation = all.validateWithResult();
            assertTrue(validation.validationSuccessful, validation::getAllErrorMessages);
            assertEquals(0, all.info().pending().length);
            assertEquals(0, all.migrate().migrationsExecuted);
        }
    }

    /** Applies one dataset location and checks the change of every table's row count. */
    private static void apply(Db db, String dataset, Map<String, Long> expectedDelta) {
        Map<String, Long> before = db.rowCounts();
        long started = System.nanoTime();
        MigrateResult result = DbFlyway.configure(db.url(), dataset).load().migrate();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(result.success, dataset);
        assertEquals(1, result.migrationsExecuted, dataset + ": migrations executed");
        System.out.printf("[report] dataset %s applied in %d ms%n", dataset, millis);

        Map<String, Long> expected = new HashMap<>(before);
        expectedDelta.forEach((table, delta) -> expected.merge(table, delta, Long::sum));
        expected.merge("flyway_schema_history", 1L, Long::sum);
        assertEquals(expected, db.rowCounts(), dataset + ": rows per table");
    }
}
