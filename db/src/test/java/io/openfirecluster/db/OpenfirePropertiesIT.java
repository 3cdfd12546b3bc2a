package io.openfirecluster.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openfirecluster.topology.OpenfireProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -Dopenfire.properties as the database receives it (OPENFIRE_PROPERTIES, rendered by lab:up):
 * upserted into ofProperty before the first connection, a user's value over the seeded one, every
 * character as given, and PostgreSQL still PID 1.
 */
class OpenfirePropertiesIT {
    @TempDir
    Path dir;

    @Test
    void givenPropertiesAreInTheDatabaseBeforeItAcceptsConnections() throws Exception {
        String nasty = "it's \"quoted\"; DROP TABLE ofProperty; -- ${not.maven} $HOME \\ é\nsecond line";
        Properties file = new Properties();
        file.setProperty("lab.it.nasty", nasty);
        Path path = dir.resolve("of.properties");
        try (var out = Files.newBufferedWriter(path)) {
            file.store(out, null);
        }
        // update.service-enabled is seeded "false" by the image (V4): the user's value wins.
        OpenfireProperties given = OpenfireProperties.parse("update.service-enabled=true,lab.it.plain=hello world", path.toString());
        try (DbContainer container = DbContainer.run(Db.IMAGE, Map.of(OpenfireProperties.ENV, given.encoded()))) {
            container.awaitConnections(Duration.ofSeconds(60));
            Db db = container.db();
            String sql = "SELECT propValue FROM ofProperty WHERE name = ? AND encrypted = 0";
            assertEquals("true", db.value(sql, "update.service-enabled"));
            assertEquals("hello world", db.value(sql, "lab.it.plain"));
            assertEquals(nasty, db.value(sql, "lab.it.nasty"));
            assertEquals(3L, db.count("SELECT count(*) FROM ofUser"), "the seed is still there");
            assertTrue(container.logs().contains("entrypoint: 3 Openfire system properties seeded from OPENFIRE_PROPERTIES"), container.logs());
            assertEquals("postgres", container.exec("cat", "/proc/1/comm"));
        }
    }
}
