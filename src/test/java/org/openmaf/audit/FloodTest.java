package org.openmaf.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.onem2m.Refusals;
import org.openmaf.testing.AdjustableClock;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.RawHttps.Reply;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract section 6, floods: refusals of peers that have not authenticated are counted in metrics and add at most one
 * audit row per source address per minute; old audit rows are purged after {@code maf.audit.retention}.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class FloodTest {

    private static final int FLOOD = 2_000;
    private static final int THREADS = 4;

    @Inject
    MeterRegistry metrics;

    @Inject
    AdjustableClock clock;

    @Inject
    AuditRetention retention;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoThousandRequestsWithoutCertificateAreCountedAndRecordedOnce() throws Exception {
        // Past whatever earlier tests recorded for this address (distinct from the other test's offset, since the
        // clock is reset between tests: a clock set back, or a minute past the last record, both let a row through).
        clock.advance(Duration.ofMinutes(10));
        double before = refusals(Refusals.UNAUTHENTICATED);
        SSLContext noCertificate = RawHttps.contextWithoutCertificate();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> refused = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            refused.add(pool.submit(() -> {
                int count = 0;
                try (RawHttps connection = RawHttps.open(noCertificate)) {
                    for (int i = 0; i < FLOOD / THREADS; i++) {
                        Reply reply = connection.send("GET", "/maf/symmKeyRegs/" + "D".repeat(1 + i % 700),
                                List.of("Host: localhost"), null);
                        if (reply.status() == 403 && "4106".equals(reply.header("X-M2M-RSC"))) {
                            count++;
                        }
                    }
                }
                return count;
            }));
        }
        int total = 0;
        for (Future<Integer> result : refused) {
            total += result.get();
        }
        pool.shutdown();
        long minutes = Duration.ofNanos(System.nanoTime() - started).toMinutes();
        Thread.sleep(1000); // a refusal on the I/O thread is recorded by a worker, a moment later

        assertThat(total).isEqualTo(FLOOD);
        assertThat(refusals(Refusals.UNAUTHENTICATED) - before).isGreaterThanOrEqualTo(FLOOD);
        long rows = TestDatabase.count("audit_record");
        System.out.printf("FloodTest: %d refused requests without a certificate, %d audit rows%n", total, rows);
        assertThat(rows).as(auditRows()).isBetween(1L, 1 + minutes);

        // A minute later (by the MAF's clock) the same address is recorded once more.
        clock.advance(Duration.ofSeconds(61));
        MafClients.withoutCertificate().get("/maf/mafClientRegs/x").then().statusCode(403);
        MafClients.withoutCertificate().get("/maf/mafClientRegs/x").then().statusCode(403);
        assertThat(TestDatabase.count("audit_record")).isEqualTo(rows + 1);
    }

    @Test
    void untrustedCertificatesAreCountedAndRecordedOnceAMinute() throws Exception {
        clock.advance(Duration.ofMinutes(20));
        double before = refusals(Refusals.UNTRUSTED_CERTIFICATE);
        SSLContext untrusted = RawHttps.context(Client.UNTRUSTED);
        int handshakes = 50;
        for (int i = 0; i < handshakes; i++) {
            assertThatThrownBy(() -> {
                try (RawHttps connection = RawHttps.open(untrusted)) {
                    connection.send("GET", "/maf/mafClientRegs", List.of("Host: localhost"), null);
                }
            }).isInstanceOfAny(SSLException.class, java.io.IOException.class);
        }
        assertThat(refusals(Refusals.UNTRUSTED_CERTIFICATE) - before).isEqualTo(handshakes);
        // Recorded asynchronously: wait for the one row, then make sure no second one follows.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (handshakeRows() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertThat(handshakeRows()).isEqualTo(1);
    }

    @Test
    void refusalsBeforeJaxRsAndAdminRefusalsAreCountedNotAudited() throws Exception {
        double malformed = refusals(Refusals.MALFORMED_REQUEST);
        double tooLarge = refusals(Refusals.BODY_TOO_LARGE);
        double adminUnauthenticated = refusals(Refusals.ADMIN_UNAUTHENTICATED);
        double adminForbidden = refusals(Refusals.ADMIN_FORBIDDEN);
        double adminRefused = refusals(Refusals.ADMIN_REFUSED);

        try (RawHttps connection = RawHttps.open(RawHttps.context(Client.MN_CSE))) {
            connection.send("GET", "/maf/mafClientRegs/%ZZ", List.of("Host: localhost"), null);
            connection.send("GET", "/maf/mafClientRegs/a%00", List.of("Host: localhost"), null);
        }
        MafClients.as(Client.MN_CSE).contentType("application/json").body("{\"x\":\"" + "y".repeat(70_000) + "\"}")
                .post("/maf/mafClientRegs").then().statusCode(400);
        MafClients.withoutCertificate().get("/admin/stakeholders").then().statusCode(401);
        MafClients.asAdmin(org.openmaf.testing.AdminTokens.auditor()).contentType("application/json").body("{}")
                .post("/admin/stakeholders").then().statusCode(403);
        MafClients.asAdmin(org.openmaf.testing.AdminTokens.admin()).get("/admin/stakeholders/no-such.example.org")
                .then().statusCode(404);

        assertThat(refusals(Refusals.MALFORMED_REQUEST) - malformed).isEqualTo(2);
        assertThat(refusals(Refusals.BODY_TOO_LARGE) - tooLarge).isEqualTo(1);
        assertThat(refusals(Refusals.ADMIN_UNAUTHENTICATED) - adminUnauthenticated).isGreaterThanOrEqualTo(1);
        assertThat(refusals(Refusals.ADMIN_FORBIDDEN) - adminForbidden).isEqualTo(1);
        assertThat(refusals(Refusals.ADMIN_REFUSED) - adminRefused).isEqualTo(1);
        assertThat(TestDatabase.count("audit_record")).as(auditRows()).isZero();
    }

    @Test
    void auditRowsOlderThanTheRetentionArePurged() throws Exception {
        Instant now = clock.instant();
        insertAuditRow(now.minus(Duration.ofDays(401)), "old");
        insertAuditRow(now.minus(Duration.ofDays(399)), "recent");
        assertThat(retention.purge()).isEqualTo(1);
        assertThat(details()).containsExactly("recent");

        clock.advance(Duration.ofDays(2)); // the default P400D now reaches the second row
        assertThat(retention.purge()).isEqualTo(1);
        assertThat(details()).isEmpty();
    }

    private double refusals(String reason) {
        var counter = metrics.find("maf.refusals").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long handshakeRows() throws SQLException {
        try (var connection = TestDatabase.connect(); var query = connection.prepareStatement(
                "select count(*) from audit_record where procedure_name = ?")) {
            query.setString(1, UnauthenticatedPeers.HANDSHAKE);
            var rows = query.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void insertAuditRow(Instant occurredAt, String detail) throws SQLException {
        try (var connection = TestDatabase.connect(); var insert = connection.prepareStatement("insert into audit_record"
                + " (occurred_at, actor_kind, procedure_name, rsc, detail) values (?, 'system', 'TEST', 2000, ?)")) {
            insert.setTimestamp(1, Timestamp.from(occurredAt));
            insert.setString(2, detail);
            insert.executeUpdate();
        }
    }

    private static String auditRows() {
        try (var connection = TestDatabase.connect(); var rows = connection.createStatement().executeQuery(
                "select occurred_at, actor, procedure_name, rsc, detail from audit_record order by id")) {
            StringBuilder out = new StringBuilder("audit rows:\n");
            while (rows.next()) {
                out.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ').append(rows.getString(3))
                        .append(' ').append(rows.getInt(4)).append(' ').append(rows.getString(5)).append('\n');
            }
            return out.toString();
        } catch (SQLException e) {
            return e.toString();
        }
    }

    private static List<String> details() throws SQLException {
        List<String> details = new ArrayList<>();
        try (var connection = TestDatabase.connect();
                var rows = connection.createStatement().executeQuery("select detail from audit_record order by id")) {
            while (rows.next()) {
                details.add(rows.getString(1));
            }
        }
        return details;
    }
}
