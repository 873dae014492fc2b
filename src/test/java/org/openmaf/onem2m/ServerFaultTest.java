package org.openmaf.onem2m;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.RejectedExecutionException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which faults on the MAF's side mean "the store is unavailable" (contract section 6) and which are defects. */
class ServerFaultTest {

    @Test
    void aStoreThatCannotBeReachedOrAnsweredIsUnavailable() {
        assertThat(ServerFault.of(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection refused", "08001")))).isEqualTo(ServerFault.STORE_UNAVAILABLE);
        assertThat(ServerFault.of(new PersistenceException(new SQLException("terminating connection due to"
                + " administrator command", "57P01")))).isEqualTo(ServerFault.STORE_UNAVAILABLE);
        assertThat(ServerFault.of(new PersistenceException(new SQLException("canceling statement due to statement"
                + " timeout", "57014")))).isEqualTo(ServerFault.STORE_UNAVAILABLE);
        assertThat(ServerFault.of(new SQLException("Acquisition timeout while waiting for new connection")))
                .as("the pool exhausted").isEqualTo(ServerFault.STORE_UNAVAILABLE);
        assertThat(ServerFault.of(new TransactionalException("commit failed", new RollbackException("ARJUNA016053"))))
                .isEqualTo(ServerFault.STORE_UNAVAILABLE);
    }

    @Test
    void aStatementTheStoreRefusedIsADefectNotAnOutage() {
        assertThat(ServerFault.of(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), "uq"))).isEqualTo(ServerFault.INTERNAL);
        assertThat(ServerFault.of(new PersistenceException(new SQLException("value too long", "22001"))))
                .isEqualTo(ServerFault.INTERNAL);
        assertThat(ServerFault.of(new IllegalStateException("a bug"))).isEqualTo(ServerFault.INTERNAL);
        assertThat(ServerFault.of(new RejectedExecutionException("no worker thread"))).isEqualTo(ServerFault.INTERNAL);
    }

    @Test
    void theAnswersNameTheKindOfFaultAndNothingInternal() {
        assertThat(ServerFault.STORE_UNAVAILABLE.message()).isEqualTo("the MAF's store is unavailable; retry");
        assertThat(ServerFault.INTERNAL.message()).doesNotContainIgnoringCase("exception").contains("X-M2M-RI");
    }

    @Test
    void aLoggedPathIsBoundedAndPrintable() {
        assertThat(ServerFault.loggable("/maf/symmKeyRegs/a\u0000b\nc")).isEqualTo("/maf/symmKeyRegs/a\\u0000b\\u000ac");
        assertThat(ServerFault.loggable("/maf/" + "x".repeat(3000))).hasSizeLessThan(140).endsWith("...");
        assertThat(ServerFault.loggable("/maf/" + "x".repeat(115))).isEqualTo("/maf/" + "x".repeat(115));
    }
}
