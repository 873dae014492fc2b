package org.openmaf.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan of a key retrieval's one statement (issue 12, thirteenth round). Every execution sets up each node of its
 * plan afresh, so a retrieval must probe for its one row of each table, never build a hash table of a whole table:
 * with the few registrations of a small deployment (or of the benchmark) PostgreSQL planned the joins to the source's
 * and the caller's registration as hash joins over every registration, and the statement ran about 18 % less often a
 * second than it does with those rows read by scalar subqueries.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class RetrievalPlanTest {

    @Test
    void theRetrievalProbesForItsRowsInsteadOfHashingATable() throws Exception {
        TestDatabase.clearProcedureData();
        Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
        String key = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId)))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
        ExecutedStatements.clear();
        MafClients.as(Client.IN_CSE).header("X-M2M-RI", "plan-retrieval").get("/maf/symmKeyRegs/" + key).then()
                .statusCode(200).header("X-M2M-RSC", "2000");
        String sql = ExecutedStatements.all().stream().filter(executed -> executed.owner().equals("plan-retrieval"))
                .map(ExecutedStatements.Executed::sql).filter(text -> text.contains("key_registration k")).findFirst()
                .orElseThrow();

        // The registrations of a small deployment (the benchmark has 20): few enough that a hash join over all of
        // them looks cheap to the planner. With the test's two alone it chose nested loops either way.
        TestDatabase.update("insert into client_registration (id, client_id, admin_fqdn, expiration_time,"
                + " creation_time, last_modified_time) select 'plan-' || i, '//plan.example/device-' || i, ?,"
                + " now() + interval '1 day', now(), now() from generate_series(1, 30) i", Maf.ADMIN);
        List<String> plan;
        try {
            plan = genericPlanOf(sql);
        } finally {
            TestDatabase.update("delete from client_registration where id like ?", "plan-%");
        }

        assertThat(plan).as("the plan of %s", sql).anyMatch(line -> line.contains("key_registration k"))
                .noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("hash"));
    }

    /**
     * The plan PostgreSQL uses once the statement is prepared (its generic plan, {@code $n} for each parameter), on
     * statistics that say what the tables hold now, as autovacuum would leave them.
     */
    private static List<String> genericPlanOf(String sql) throws Exception {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        List<String> plan = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("analyze client_registration, stakeholder, key_registration, key_target,"
                    + " certificate_binding, blocked_certificate, psk_credential");
            statement.execute("set plan_cache_mode = force_generic_plan");
            statement.execute("prepare retrieval as " + numbered);
            StringBuilder arguments = new StringBuilder();
            for (int i = 1; i <= parameter; i++) {
                arguments.append(i == 1 ? "" : ", ").append("null");
            }
            try (PreparedStatement explain = connection.prepareStatement("explain execute retrieval(" + arguments + ")");
                    ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
        }
        return plan;
    }
}
