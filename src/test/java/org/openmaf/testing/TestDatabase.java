package org.openmaf.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The tests' own database on the local PostgreSQL (127.0.0.1:5432), created when missing. Override with
 * MAF_TEST_DB (name), MAF_TEST_DB_HOST, MAF_TEST_DB_USER.
 */
public final class TestDatabase {

    public static final String NAME = env("MAF_TEST_DB", "maf_test");
    public static final String HOST = env("MAF_TEST_DB_HOST", "127.0.0.1:5432");
    public static final String USER = env("MAF_TEST_DB_USER", "postgres");

    private TestDatabase() {
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + "/" + NAME;
    }

    public static void ensure() {
        if (!NAME.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("MAF_TEST_DB must be a plain lower-case identifier");
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "")) {
            try (var query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, NAME);
                if (query.executeQuery().next()) {
                    return;
                }
            }
            try (var create = admin.createStatement()) {
                create.execute("create database " + NAME);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The tests need PostgreSQL on " + HOST + " (user " + USER + "): " + e.getMessage()
                    + ". Start it, e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start.", e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
