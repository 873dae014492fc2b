package org.openmaf.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
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
 * The statement budget of the two hot procedures (issue 12), so that a later change cannot quietly add round trips:
 * a key retrieval is ONE statement for the caller's certificate binding and block-list check and the whole chain with
 * the sealed key, and its audit record (group-committed, shared with concurrent retrievals); a key registration below
 * its source's ceiling is ONE statement for the binding check with the source's registrations and their stakeholders
 * (RegistrationStandingRead), and ONE statement, its own transaction, writing key, targets, tombstone and audit record.
 * A transaction adds its COMMIT, which Hibernate does not see as a statement.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class StatementBudgetTest {

    /** Binding, block list and Km read along with the chain and the sealed key (RetrievalChainRead). */
    static final int RETRIEVAL_OWN_STATEMENTS = 1;
    /** Binding and block list read along with the source's registrations and stakeholders, the insert. */
    static final int REGISTRATION_STATEMENTS = 2;

    private static final String WRITER = "maf-audit-group-commit";

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
        Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
    }

    @Test
    void aKeyRetrievalReadsTheWholeChainInOneStatementAndWritesOneAuditRow() {
        String key = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId)))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
        for (int i = 0; i < 5; i++) {
            ExecutedStatements.clear();
            String requestId = "budget-retrieval-" + i;
            MafClients.as(Client.IN_CSE).header("X-M2M-RI", requestId).get("/maf/symmKeyRegs/" + key).then()
                    .statusCode(200).header("X-M2M-RSC", "2000");

            List<String> own = sqlOf(requestId);
            assertThat(own).as("statements of retrieval %s", requestId).hasSize(RETRIEVAL_OWN_STATEMENTS);
            assertThat(own.stream().filter(sql -> sql.contains("key_registration k"))).as("chain reads").hasSize(1);
            assertThat(own).noneMatch(sql -> sql.startsWith("insert") || sql.startsWith("update"));
            // Alone, its audit record is a batch of one: one INSERT by the group-commit writer.
            assertThat(sqlOf(WRITER)).singleElement().satisfies(sql -> assertThat(sql).startsWith("insert into audit_record"));
        }
        assertThat(TestDatabase.countWhere("select count(*) from audit_record where procedure_name = 'KEY_RETRIEVAL'"
                + " and rsc = 2000")).isEqualTo(5);
    }

    @Test
    void aKeyRegistrationBelowItsCeilingWritesEverythingInOneStatementOfItsOwn() {
        // The source's first key creates its ceiling, in a transaction that locks and counts (NewKeyStatement).
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId))).then()
                .statusCode(201);
        for (int i = 0; i < 5; i++) {
            ExecutedStatements.clear();
            String requestId = "budget-registration-" + i;
            MafClients.as(Client.MN_CSE).header("X-M2M-RI", requestId).contentType("application/json")
                    .body(Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId))).post("/maf/symmKeyRegs").then()
                    .statusCode(201).header("X-M2M-RSC", "2001");

            List<String> own = sqlOf(requestId);
            assertThat(own).as("statements of registration %s", requestId).hasSize(REGISTRATION_STATEMENTS);
            assertThat(own.stream().filter(sql -> sql.contains("insert into"))).as("writing statements").hasSize(1);
            assertThat(own).as("locks").noneMatch(sql -> sql.endsWith("for update of r"));
        }
        assertThat(TestDatabase.count("key_registration")).isEqualTo(6);
        assertThat(TestDatabase.countWhere("select count(*) from used_kcid u join key_registration k on k.relative_key_id = u.relative_key_id")).isEqualTo(6);
        assertThat(TestDatabase.countWhere("select count(*) from audit_record where procedure_name = 'KEY_REGISTRATION'"
                + " and rsc = 2001")).isEqualTo(6);
    }

    private static List<String> sqlOf(String owner) {
        return ExecutedStatements.all().stream().filter(executed -> executed.owner().equals(owner))
                .map(executed -> executed.sql().strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
