package db.migration;

import io.openfirecluster.db.Placeholders;
import io.openfirecluster.db.Scram;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The lab's accounts: admin (password: placeholder admin_password) and user1, user2 (password:
 * placeholder user_password). Passwords are stored as SCRAM-SHA-1 credentials only, computed here
 * from the configured password and a random salt.
 */
public class V2__Users extends BaseJavaMigration {

    private static final String INSERT = "INSERT INTO ofUser (username, storedKey, serverKey, salt, iterations,"
            + " name, email, creationDate, modificationDate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public void migrate(Context context) throws SQLException {
        String adminPassword = Placeholders.get(context, Placeholders.ADMIN_PASSWORD);
        String userPassword = Placeholders.get(context, Placeholders.USER_PASSWORD);
        String now = String.format("%015d", System.currentTimeMillis());

        Connection connection = context.getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            add(insert, "admin", adminPassword, "Administrator", "admin@example.com", now);
            add(insert, "user1", userPassword, "User One", null, now);
            add(insert, "user2", userPassword, "User Two", null, now);
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, String username, String password, String name,
            String email, String now) throws SQLException {
        Scram scram = Scram.create(password);
        insert.setString(1, username);
        insert.setString(2, scram.storedKey());
        insert.setString(3, scram.serverKey());
        insert.setString(4, scram.salt());
        insert.setInt(5, scram.iterations());
        insert.setString(6, name);
        insert.setString(7, email);
        insert.setString(8, now);
        insert.setString(9, now);
        insert.addBatch();
    }
}
