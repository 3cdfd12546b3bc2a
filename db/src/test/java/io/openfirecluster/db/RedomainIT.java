package io.openfirecluster.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database of another XMPP domain (the lab's shapes of more domains): the entrypoint moves the
 * image's seed to XMPP_DOMAIN, renames its users and rooms to LAB_USERS and LAB_ROOMS, before the
 * first connection; nothing of the seed's domain is left.
 */
class RedomainIT {
    private static final String DOMAIN = "xmpp2.localhost.example";

    @Test
    void theSeedBecomesTheGivenDomainsUsersAndRooms() throws Exception {
        try (DbContainer container = DbContainer.run(Db.IMAGE, Map.of("XMPP_DOMAIN", DOMAIN, "LAB_USERS", "user3,user4", "LAB_ROOMS", "muc3,muc4"))) {
            container.awaitConnections(Duration.ofSeconds(60));
            Db db = container.db();
            assertEquals(DOMAIN, db.value("SELECT propValue FROM ofProperty WHERE name = ?", "xmpp.domain"));
            assertEquals(3L, db.count("SELECT count(*) FROM ofUser WHERE username IN ('admin', 'user3', 'user4')"));
            assertEquals(3L, db.count("SELECT count(*) FROM ofUser"), "no user of the seed's names is left");
            assertEquals(1L, db.count("SELECT count(*) FROM ofRoster WHERE username = 'user3' AND jid = 'user4@" + DOMAIN + "' AND nick = 'user4'"));
            assertEquals(1L, db.count("SELECT count(*) FROM ofRoster WHERE username = 'user4' AND jid = 'user3@" + DOMAIN + "'"));
            assertEquals(2L, db.count("SELECT count(*) FROM ofMucRoom WHERE name IN ('muc3', 'muc4')"));
            assertEquals(2L, db.count("SELECT count(*) FROM ofMucAffiliation WHERE jid = 'admin@" + DOMAIN + "'"));
            assertEquals(0L, db.count("SELECT count(*) FROM ofRoster WHERE jid LIKE '%@" + Db.XMPP_DOMAIN + "'")
                    + db.count("SELECT count(*) FROM ofMucAffiliation WHERE jid LIKE '%@" + Db.XMPP_DOMAIN + "'"));
            assertTrue(container.logs().contains("entrypoint: the seed re-domained to " + DOMAIN), container.logs());
        }
    }
}
