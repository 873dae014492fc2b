package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.TestDatabase;

/**
 * The migrations on both databases the MAF runs on: PostgreSQL (production, tests) and H2 in PostgreSQL mode (dev).
 * Data written under V1 reaches the current schema: orphans are dropped, targetIDs become key_target rows, and from
 * then on the schema itself refuses an orphan and cascades deletions.
 */
class SchemaMigrationTest {

    @Test
    void onH2InPostgreSqlMode() throws SQLException {
        String url = "jdbc:h2:mem:maf_migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        migrateV1DataToCurrent(url, "maf", "maf");
    }

    @Test
    void onPostgreSql() throws SQLException {
        String name = TestDatabase.NAME + "_migration";
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + TestDatabase.HOST + "/postgres", TestDatabase.USER, "");
                Statement statement = admin.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + name + "'").next()) {
                statement.execute("create database " + name);
            }
        }
        migrateV1DataToCurrent("jdbc:postgresql://" + TestDatabase.HOST + "/" + name, TestDatabase.USER, "");
    }

    private static void migrateV1DataToCurrent(String url, String user, String password) throws SQLException {
        flyway(url, user, password, "1").clean();
        flyway(url, user, password, "1").migrate();
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("insert into stakeholder values ('sp.example', '[\"//sp.example/*\"]', 100, 100, 'config', now(), now())");
            sql.execute("insert into client_registration values ('r1', '//sp.example/a', 'sp.example', null, now(), now(), now())");
            sql.execute("insert into client_registration values ('r2', '//sp.example/a', 'gone.example', null, now(), now(), now())");
            sql.execute("insert into client_configuration (client_id, admin_fqdn, updated_at) values ('//sp.example/a', 'gone.example', now())");
            insertKey(db, "K1", "//sp.example/a", "sp.example", "[\"//sp.example/b\",\"//sp.example/c\"]");
            insertKey(db, "K2", "//sp.example/a", "gone.example", "[\"//sp.example/b\"]");
            insertKey(db, "K3", "//sp.example/z", "sp.example", "[\"//sp.example/b\"]");
        }

        flyway(url, user, password, "latest").migrate();

        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            assertThat(strings(sql, "select id from client_registration")).containsExactly("r1");
            assertThat(strings(sql, "select client_id from client_configuration")).isEmpty();
            assertThat(strings(sql, "select relative_key_id from key_registration")).containsExactly("K1");
            assertThat(strings(sql, "select target_id from key_target where relative_key_id = 'K1' order by target_index"))
                    .containsExactly("//sp.example/b", "//sp.example/c");
            assertThat(strings(sql, "select relative_key_id from key_target")).containsOnly("K1");

            assertThatThrownBy(() -> insertKey(db, "K4", "//sp.example/unregistered", "sp.example", null))
                    .as("a key without its source's registration").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("insert into client_registration values ('r3', '//sp.example/a', 'nobody.example',"
                    + " null, now(), now(), now())")).as("a registration without its stakeholder").isInstanceOf(SQLException.class);

            sql.execute("delete from stakeholder where admin_fqdn = 'sp.example'");
            for (String table : List.of("client_registration", "key_registration", "key_target")) {
                assertThat(strings(sql, "select count(*) from " + table)).as(table).containsExactly("0");
            }
        }
    }

    private static void insertKey(Connection db, String id, String source, String adminFqdn, String targetsJson)
            throws SQLException {
        try (var insert = db.prepareStatement("insert into key_registration (relative_key_id, source_id, admin_fqdn, suid"
                + (targetsJson == null ? "" : ", target_ids")
                + ", expiration_time, creation_time, last_modified_time, key_origin, kek_id, key_nonce, key_ciphertext)"
                + " values (?, ?, ?, 32" + (targetsJson == null ? "" : ", ?")
                + ", now(), now(), now(), 'client', 'k1', ?, ?)")) {
            int i = 1;
            insert.setString(i++, id);
            insert.setString(i++, source);
            insert.setString(i++, adminFqdn);
            if (targetsJson != null) {
                insert.setString(i++, targetsJson);
            }
            insert.setBytes(i++, new byte[12]);
            insert.setBytes(i, new byte[48]);
            insert.executeUpdate();
        }
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Flyway flyway(String url, String user, String password, String target) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target)
                .cleanDisabled(false).load();
    }
}
