package io.openfirecluster.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** JDBC access to a db container published on 127.0.0.1, as the lab's database user. */
final class Db {

    static final String IMAGE = setting("db.image", "openfire-cluster/db:1.0.0-SNAPSHOT");
    static final String NAME = setting("db.name", "openfire");
    static final String USER = setting("db.user", "openfire");
    static final String PASSWORD = setting("db.password", "hunter2");
    static final String XMPP_DOMAIN = setting("xmpp.domain", "xmpp.localhost.example");
    static final String ADMIN_PASSWORD = setting("admin.password", "admin");
    static final String USER_PASSWORD = setting("user.password", "password");

    private final int port;

    private Db(int port) {
        this.port = port;
    }

    static Db atPort(int port) {
        return new Db(port);
    }

    /** The container that docker-maven-plugin started for the integration tests. */
    static Db started() {
        String port = System.getProperty("db.it.port");
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("system property db.it.port is not set (run with mvn verify)");
        }
        return atPort(Integer.parseInt(port));
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + NAME;
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "300");
        return DriverManager.getConnection(url(), properties);
    }

    /** The rows of a query, each a list of column values. */
    List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The value of a query that returns one row with one column. */
    Object value(String sql, Object... parameters) {
        List<List<Object>> rows = query(sql, parameters);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException(sql + " returned " + rows);
        }
        return rows.get(0).get(0);
    }

    long count(String sql, Object... parameters) {
        return ((Number) value(sql, parameters)).longValue();
    }

    /** The tables of the database (public schema), in lower case, sorted. */
    List<String> tables() {
        return query("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
                .stream().map(row -> (String) row.get(0)).toList();
    }

    /** Rows per table. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables()) {
            counts.put(table, count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** Per table: a digest of all its rows (whole rows, as text), to compare two states. */
    Map<String, String> fingerprint() {
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables()) {
            Object digest = value("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '')"
                    + " FROM " + table + " AS t");
            digests.put(table, (String) digest);
        }
        return digests;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
