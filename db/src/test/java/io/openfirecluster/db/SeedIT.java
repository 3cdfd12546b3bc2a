package io.openfirecluster.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

/** The seeded state, read from the container that docker-maven-plugin started from the image. */
class SeedIT {

    private final Db db = Db.started();

    @Test
    void flywayValidatesTheImageAndNothingIsPending() {
        // Strict: Flyway's default patterns, not the lab's leniency for datasets (db/flyway.conf).
        Flyway flyway = DbFlyway.configure(db.url()).ignoreMigrationPatterns("*:future").load();

        ValidateResult result = flyway.validateWithResult();
        assertTrue(result.validationSuccessful, () -> result.getAllErrorMessages());

        assertEquals(0, flyway.info().pending().length, "pending migrations");
        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                Arrays.stream(applied).map(m -> m.getVersion().getVersion()).toList());
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed()));
    }

    @Test
    void schemaIsOpenfireVersion38() {
        assertEquals(38L, db.count("SELECT version FROM ofVersion WHERE name = 'openfire'"));

        Set<String> tables = new TreeSet<>(db.tables());
        tables.remove("flyway_schema_history");
        assertEquals(new TreeSet<>(OPENFIRE_TABLES), tables);

        // Every key and index, by name (PostgreSQL keeps unquoted names in lower case).
        Set<String> indexes = db.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
                + " AND tablename LIKE 'of%'").stream().map(r -> (String) r.get(0)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(OPENFIRE_INDEXES);
        OPENFIRE_TABLES.stream()
                .filter(t -> !t.equals("ofmucconversationlog") && !t.equals("ofpubsubnodegroups"))
                .forEach(t -> expected.add(t + "_pk"));
        assertEquals(expected, indexes);

        assertEquals(215L, db.count("SELECT count(*) FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name LIKE 'of%'"), "columns of Openfire's tables");
        assertEquals(List.of(List.of("ofrostergroups_rosterid_fk", true, true)),
                db.query("SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE contype = 'f'"));

        // The rows every Openfire installation starts with.
        assertEquals(List.of(List.of(1, "conference", 0)),
                db.query("SELECT serviceID, subdomain, isHidden FROM ofMucService"));
    }

    @Test
    void usersHaveScramCredentialsOnly() {
        List<List<Object>> users = db.query("SELECT username, plainPassword, encryptedPassword, iterations, salt"
                + " FROM ofUser ORDER BY username");
        assertEquals(List.of("admin", "user1", "user2"), users.stream().map(r -> r.get(0)).toList());
        for (List<Object> user : users) {
            assertNull(user.get(1), "plainPassword of " + user.get(0));
            assertNull(user.get(2), "encryptedPassword of " + user.get(0));
            assertEquals(4096, user.get(3), "iterations of " + user.get(0));
            assertEquals(24, Base64.getDecoder().decode((String) user.get(4)).length, "salt bytes of " + user.get(0));
        }
        // Each its own random salt.
        assertEquals(3, users.stream().map(r -> r.get(4)).distinct().count());
    }

    @Test
    void scramExchangeSucceedsWithTheConfiguredPasswords() throws Exception {
        assertTrue(scramLogin("admin", Db.ADMIN_PASSWORD), "admin");
        assertTrue(scramLogin("user1", Db.USER_PASSWORD), "user1");
        assertTrue(scramLogin("user2", Db.USER_PASSWORD), "user2");
        assertFalse(scramLogin("user1", Db.USER_PASSWORD + "x"), "user1 with a wrong password");
    }

    @Test
    void rosterOfUser1AndUser2IsMutualWithSubscriptionBoth() {
        assertEquals(List.of(
                List.of("user1", "user2@" + Db.XMPP_DOMAIN, 3, -1, -1),
                List.of("user2", "user1@" + Db.XMPP_DOMAIN, 3, -1, -1)),
                db.query("SELECT username, jid, sub, ask, recv FROM ofRoster ORDER BY username"));
        // Openfire takes new roster ids from ofID (type 18): past the seeded ones.
        assertTrue(db.count("SELECT id FROM ofID WHERE idType = 18") > db.count("SELECT max(rosterID) FROM ofRoster"));
    }

    @Test
    void roomsArePersistentPublicAndOwnedByAdmin() {
        assertEquals(List.of(
                List.of("muc1", "MUC One", 1, 0, 0, "000000000000000"),
                List.of("muc2", "MUC Two", 1, 0, 0, "000000000000000")),
                db.query("SELECT r.name, r.naturalName, r.publicRoom, r.membersOnly, r.moderated, r.lockedDate"
                        + " FROM ofMucRoom r JOIN ofMucService s ON s.serviceID = r.serviceID"
                        + " WHERE s.subdomain = 'conference' AND r.roomPassword IS NULL ORDER BY r.name"));
        assertEquals(List.of(
                List.of("muc1", "admin@" + Db.XMPP_DOMAIN, 10),
                List.of("muc2", "admin@" + Db.XMPP_DOMAIN, 10)),
                db.query("SELECT r.name, a.jid, a.affiliation FROM ofMucAffiliation a"
                        + " JOIN ofMucRoom r ON r.roomID = a.roomID ORDER BY r.name"));
        assertTrue(db.count("SELECT id FROM ofID WHERE idType = 23") > db.count("SELECT max(roomID) FROM ofMucRoom"));
    }

    @Test
    void propertiesForTheDomainAndAConcurrentClusterStart() {
        Map<String, String> properties = db.query("SELECT name, propValue FROM ofProperty").stream()
                .collect(Collectors.toMap(r -> (String) r.get(0), r -> (String) r.get(1)));

        assertEquals(Db.XMPP_DOMAIN, properties.get("xmpp.domain"));
        assertEquals("false", properties.get("update.service-enabled"));
        assertEquals("true", properties.get("user.scramHashedPasswordOnly"));
        // The Hazelcast plugin keeps Hazelcast's REST endpoints (the nodes' health checks) off without it.
        assertEquals("true", properties.get("hazelcast.config.rest.enabled"));
        assertEquals("-1", properties.get("cache.MUCService'conference'Rooms.maxLifetime"));
        assertEquals("-1", properties.get("cache.MUCService'conference'Rooms.size"));
        assertEquals("-1", properties.get("cache.MUCService'conference'RoomStatistics.maxLifetime"));
        assertEquals("-1", properties.get("cache.MUCService'conference'RoomStatistics.size"));
        assertEquals("3600000", properties.get("cache.PluginClassLoaderWarningsforClusteredTasks.maxLifetime"));
        assertTrue(properties.get("xmpp.muc.masterkey").matches("[0-9a-zA-Z]{97}"), "xmpp.muc.masterkey");
        assertTrue(properties.get("passwordKey").matches("[0-9a-zA-Z]{15}"), "passwordKey");
        assertEquals(0L, db.count("SELECT count(*) FROM ofProperty WHERE encrypted <> 0 OR iv IS NOT NULL"));
    }

    /**
     * A SCRAM-SHA-1 exchange (RFC 5802): the client side from the password and the salt and
     * iteration count the server sends, the server side from the stored row only. Independent of
     * the {@link Scram} class that computed the row.
     */
    private boolean scramLogin(String username, String password) throws Exception {
        List<Object> row = db.query("SELECT salt, iterations, storedKey, serverKey FROM ofUser WHERE username = ?",
                username).get(0);
        String saltBase64 = (String) row.get(0);
        int iterations = (Integer) row.get(1);
        byte[] storedKey = Base64.getDecoder().decode((String) row.get(2));
        byte[] serverKey = Base64.getDecoder().decode((String) row.get(3));

        String clientNonce = nonce();
        String serverNonce = clientNonce + nonce();
        String clientFirstBare = "n=" + username + ",r=" + clientNonce;
        String serverFirst = "r=" + serverNonce + ",s=" + saltBase64 + ",i=" + iterations;
        String clientFinalWithoutProof = "c=biws,r=" + serverNonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof;

        // Client.
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                .generateSecret(new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(saltBase64),
                        iterations, 160)).getEncoded();
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] clientProof = xor(clientKey, hmac(sha1(clientKey), authMessage));
        byte[] expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);

        // Server: recover the client key from the proof and check it against storedKey.
        byte[] recoveredClientKey = xor(clientProof, hmac(storedKey, authMessage));
        boolean clientVerified = MessageDigest.isEqual(sha1(recoveredClientKey), storedKey);
        if (clientVerified) {
            // And the client verifies the server's signature, made with serverKey.
            assertArrayEquals(expectedServerSignature, hmac(serverKey, authMessage), "server signature of " + username);
        }
        return clientVerified;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha1(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(bytes);
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] result = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = (byte) (a[i] ^ b[i]);
        }
        return result;
    }

    /** Openfire's tables at schema version 38. */
    private static final List<String> OPENFIRE_TABLES = List.of(
            "ofuser", "ofuserprop", "ofuserflag", "ofoffline", "ofpresence", "ofroster", "ofrostergroups",
            "ofvcard", "ofgroup", "ofgroupprop", "ofgroupuser", "ofid", "ofproperty", "ofversion",
            "ofextcomponentconf", "ofremoteserverconf", "ofprivacylist", "ofsecurityauditlog",
            "ofmucservice", "ofmucserviceprop", "ofmucroom", "ofmucroomprop", "ofmucroomretiree",
            "ofmucaffiliation", "ofmucmember", "ofmucconversationlog",
            "ofpubsubnode", "ofpubsubnodejids", "ofpubsubnodegroups", "ofpubsubaffiliation", "ofpubsubitem",
            "ofpubsubsubscription", "ofpubsubdefaultconf");

    /** Openfire's indexes at schema version 38, besides the primary keys (TABLE_pk). */
    private static final List<String> OPENFIRE_INDEXES = List.of(
            "ofuser_cdate_idx", "ofuserflag_stime_idx", "ofuserflag_etime_idx", "ofroster_username_idx",
            "ofroster_jid_idx", "ofrostergroups_rosterid_idx", "ofprivacylist_default_idx",
            "ofsecurityauditlog_tstamp_idx", "ofsecurityauditlog_uname_idx", "ofmucservice_serviceid_idx",
            "ofmucroom_roomid_idx", "ofmucroom_serviceid_idx", "ofmucconversationlog_roomtime_idx",
            "ofmucconversationlog_time_idx", "ofmucconversationlog_msg_id", "ofpubsubnodegroups_idx");
}
