package db.migration;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Secrets that Openfire otherwise generates lazily, each node its own, racing to insert them:
 * {@code xmpp.muc.masterkey} (shared by all MUC services of a cluster, created at the start of the
 * MUC manager) and {@code passwordKey} (the Blowfish key for encrypted passwords, created at the
 * first login). Both are random, generated once at image build, so every container of the image
 * shares them.
 *
 * <p>The master key is an encrypted property in Openfire; it is stored here in plain text
 * ({@code encrypted = 0}) and Openfire encrypts it in place (an UPDATE, no insert race) with its
 * own property encryptor when it first reads it.
 */
public class V5__Cluster_secrets extends BaseJavaMigration {

    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void migrate(Context context) throws SQLException {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO ofProperty (name, propValue, encrypted) VALUES (?, ?, 0)")) {
            // Lengths as Openfire generates them.
            insert.setString(1, "xmpp.muc.masterkey");
            insert.setString(2, randomString(97));
            insert.addBatch();
            insert.setString(1, "passwordKey");
            insert.setString(2, randomString(15));
            insert.addBatch();
            insert.executeBatch();
        }
    }

    static String randomString(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
