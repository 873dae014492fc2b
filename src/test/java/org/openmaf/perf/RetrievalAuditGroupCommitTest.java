package org.openmaf.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Retrieval audit records are group-committed (org.openmaf.audit.AuditGroupCommit): concurrent retrievals share
 * INSERTs and commits, yet each answer still follows its own committed record, and a batch that cannot be committed
 * answers 5000 without the key (fail closed, issue 12).
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class RetrievalAuditGroupCommitTest {

    private String key;

    @BeforeEach
    void aKey() {
        TestDatabase.clearProcedureData();
        key = Maf.keyFromMnCseForInCse();
    }

    @Test
    void concurrentRetrievalsShareInsertsAndEachAnswerHasItsRecord() throws Exception {
        int threads = 16;
        int each = 10;
        ExecutedStatements.clear();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < threads * each; i++) {
                answers.add(pool.submit(() -> MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        long inserts = ExecutedStatements.all().stream()
                .filter(executed -> executed.owner().equals("maf-audit-group-commit")).count();
        assertThat(TestDatabase.countWhere("select count(*) from audit_record where procedure_name = 'KEY_RETRIEVAL'"
                + " and rsc = 2000")).isEqualTo(threads * each);
        assertThat(inserts).as("group-commit INSERTs for %d concurrent retrievals", threads * each)
                .isPositive().isLessThan(threads * each);
    }

    @Test
    void aBatchThatCannotBeCommittedAnswers5000AndNoKey() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("create or replace function refuse_retrieval_audit() returns trigger language plpgsql as $$"
                    + " begin if new.procedure_name = 'KEY_RETRIEVAL' then raise exception 'audit store refuses'; end if;"
                    + " return new; end $$");
            sql.execute("create trigger refuse_retrieval_audit before insert on audit_record for each row"
                    + " execute function refuse_retrieval_audit()");
            try {
                MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(500)
                        .header("X-M2M-RSC", "5000").body(not(containsString("keyValue")));
            } finally {
                sql.execute("drop trigger refuse_retrieval_audit on audit_record");
                sql.execute("drop function refuse_retrieval_audit()");
            }
        }
        // The writer lives on: the next retrieval is served, with its record.
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200)
                .body(containsString("keyValue"));
        assertThat(TestDatabase.countWhere("select count(*) from audit_record where procedure_name = 'KEY_RETRIEVAL'"
                + " and rsc = 2000")).isEqualTo(1);
    }
}
