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

    /** Empties what procedures write; stakeholders (from configuration) stay. */
    public static void clearProcedureData() {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute("delete from key_registration");
            statement.execute("delete from used_kcid");
            statement.execute("delete from client_registration");
            statement.execute("delete from client_configuration");
            statement.execute("delete from certificate_binding");
            statement.execute("delete from psk_credential");
            statement.execute("delete from audit_record");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void clearRegistrationOf(String clientId) {
        update("delete from client_registration where client_id = ?", clientId);
    }

    public static long count(String table) {
        try (Connection connection = connect(); var rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key row as an earlier deployment (another KEK) would have written it; its source must be registered. */
    public static void insertKey(String relativeKeyId, String sourceId, String adminFqdn, String targetId, String kekId,
            byte[] nonce, byte[] ciphertext) {
        try (Connection connection = connect(); var insert = connection.prepareStatement("insert into key_registration"
                + " (relative_key_id, source_id, admin_fqdn, suid, expiration_time, creation_time,"
                + " last_modified_time, key_origin, kek_id, key_nonce, key_ciphertext)"
                + " values (?, ?, ?, 32, now() + interval '1 day', now(), now(), 'exporter', ?, ?, ?)");
                var target = connection.prepareStatement("insert into key_target (relative_key_id, target_index, target_id)"
                        + " values (?, 0, ?)")) {
            insert.setString(1, relativeKeyId);
            insert.setString(2, sourceId);
            insert.setString(3, adminFqdn);
            insert.setString(4, kekId);
            insert.setBytes(5, nonce);
            insert.setBytes(6, ciphertext);
            insert.executeUpdate();
            target.setString(1, relativeKeyId);
            target.setString(2, targetId);
            target.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows a SQL query counts, e.g. orphans that no path may leave behind. */
    public static long countWhere(String sql) {
        try (Connection connection = connect(); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Orphans of every kind the schema's cascades rule out; always 0 unless a constraint is missing. */
    public static long orphans() {
        return countWhere("select (select count(*) from client_registration r where not exists"
                + " (select 1 from stakeholder s where s.admin_fqdn = r.admin_fqdn))"
                + " + (select count(*) from client_configuration c where not exists"
                + " (select 1 from stakeholder s where s.admin_fqdn = c.admin_fqdn))"
                + " + (select count(*) from key_registration k where not exists (select 1 from client_registration r"
                + " where r.client_id = k.source_id and r.admin_fqdn = k.admin_fqdn))"
                + " + (select count(*) from key_target t where not exists"
                + " (select 1 from key_registration k where k.relative_key_id = t.relative_key_id))");
    }

    public static void update(String sql, String parameter) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A database of a test's own beside the test database (NAME_suffix), empty: dropped first if a run left it. Returns
     * its JDBC URL; {@link #drop} removes it.
     */
    public static String recreate(String suffix) {
        drop(suffix);
        adminExecute("create database " + NAME + "_" + suffix);
        return "jdbc:postgresql://" + HOST + "/" + NAME + "_" + suffix;
    }

    public static void drop(String suffix) {
        adminExecute("drop database if exists " + NAME + "_" + suffix + " with (force)");
    }

    private static void adminExecute(String sql) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
                var statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
