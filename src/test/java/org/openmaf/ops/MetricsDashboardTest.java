package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.audit.Procedure;
import org.openmaf.metrics.StoredCounts;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.OpenSsl;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14: every metric the Grafana dashboard in deploy/grafana queries is one the MAF exports on its management
 * interface, once each kind of procedure has run; and the MAF's own metrics count what they say they count.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class MetricsDashboardTest {

    @Inject
    StoredCounts storedCounts;

    @BeforeEach
    void emptyStore() {
        TestDatabase.clearProcedureData();
    }

    @Test
    void everyMetricTheDashboardQueriesIsOneTheMafExports() throws Exception {
        runEveryProcedure();
        Set<String> queried = DashboardQueries.metricNames(DashboardQueries.expressions(DashboardQueries.DASHBOARD));
        assertThat(queried).as("the extraction finds the dashboard's metrics").contains("maf_procedures_total",
                "maf_procedure_seconds_bucket", "maf_refusals_total", "maf_tls_handshake_failures_total",
                "maf_keys_stored", "maf_registrations", "maf_audit_write_seconds_bucket",
                "http_server_requests_seconds_count", "jvm_memory_used_bytes", "process_cpu_usage");

        Set<String> exported = DashboardQueries.exported(scrape());
        assertThat(notExported(queried, exported)).as("queried by the dashboard, not exported by the MAF").isEmpty();
    }

    /** The check above would let a misspelt metric through if the extraction or the comparison were blind. */
    @Test
    void aMisspeltMetricInTheDashboardIsCaught() throws Exception {
        runEveryProcedure();
        String dashboard = Files.readString(DashboardQueries.DASHBOARD);
        Set<String> exported = DashboardQueries.exported(scrape());
        for (String[] typo : List.of(new String[] { "maf_procedures_total", "maf_procedure_total" },
                new String[] { "maf_keys_stored", "maf_key_stored" },
                new String[] { "maf_procedure_seconds_bucket", "maf_procedure_seconds_buckets" },
                new String[] { "label_values(maf_procedure_seconds_count", "label_values(maf_procedures_seconds_count" })) {
            assertThat(dashboard).contains(typo[0]);
            Set<String> queried = DashboardQueries.metricNames(DashboardQueries.expressions(dashboard.replace(typo[0], typo[1])));
            String misspelt = typo[1].replace("label_values(", "");
            assertThat(notExported(queried, exported)).as(typo[1]).containsExactly(misspelt);
        }
    }

    /** Prometheus's rate() misses the first increment of a series that appears with it: success series start at 0. */
    @Test
    void everyProceduresSuccessSeriesExistsBeforeItRuns() {
        String exposition = scrape();
        for (Procedure procedure : Procedure.values()) {
            if (procedure != Procedure.OTHER_MAF_REQUEST) {
                assertThat(exposition).contains("maf_procedures_total{procedure=\"" + procedure.name() + "\",rsc=\""
                        + procedure.success().code() + "\"}").contains("maf_procedure_seconds_count{procedure=\""
                        + procedure.name() + "\"}");
            }
        }
    }

    @Test
    void proceduresAreCountedByProcedureAndRscAndTimed() throws Exception {
        String before = scrape();
        String key = registerKeyFor(Client.IN_CSE);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);
        MafClients.as(Client.AE).get("/maf/symmKeyRegs/" + key).then().statusCode(403); // not a target: 4103
        String after = scrape();

        String retrieved = "maf_procedures_total{procedure=\"KEY_RETRIEVAL\",rsc=\"2000\"}";
        String refused = "maf_procedures_total{procedure=\"KEY_RETRIEVAL\",rsc=\"4103\"}";
        assertThat(value(after, retrieved) - value(before, retrieved)).isEqualTo(1.0);
        assertThat(value(after, refused) - value(before, refused)).isEqualTo(1.0);
        String timed = "maf_procedure_seconds_count{procedure=\"KEY_RETRIEVAL\"}";
        assertThat(value(after, timed) - value(before, timed)).isEqualTo(2.0);
        assertThat(after).contains("maf_procedure_seconds_bucket{procedure=\"KEY_RETRIEVAL\",le=\"0.001\"}");
        // The retrieval's and the refusal's audit records both go through the group commit, and are timed.
        String groupWrites = "maf_audit_write_seconds_count{transaction=\"group\"}";
        assertThat(value(after, groupWrites) - value(before, groupWrites)).isGreaterThanOrEqualTo(2.0);
        assertThat(after).doesNotContain("transaction=\"own\"");
    }

    @Test
    void storedKeysAndRegistrationsAreCountedOnSchedule() throws Exception {
        storedCounts.count();
        assertThat(value(scrape(), "maf_keys_stored")).isZero();
        assertThat(value(scrape(), "maf_registrations")).isZero();
        registerKeyFor(Client.IN_CSE);
        registerKeyFor(Client.IN_CSE);
        storedCounts.count();
        String now = scrape();
        assertThat(value(now, "maf_keys_stored")).isEqualTo(2.0);
        assertThat(value(now, "maf_registrations")).isEqualTo(2.0); // MN-CSE and IN-CSE
    }

    @Test
    void handshakeFailuresAreCountedByReason() throws Exception {
        String untrusted = "maf_tls_handshake_failures_total{reason=\"untrusted-certificate\"}";
        String noCipher = "maf_tls_handshake_failures_total{reason=\"no-shared-cipher\"}";
        String oldProtocol = "maf_tls_handshake_failures_total{reason=\"protocol-version\"}";
        String before = scrape();
        OpenSsl.sClient(Client.UNTRUSTED, List.of("-tls1_3"), OpenSsl.httpRequest("GET", "/maf/x", null));
        // RSA key exchange with AES-CBC-SHA: a TLS 1.2 suite the MAF does not accept.
        OpenSsl.sClient(Client.MN_CSE, List.of("-tls1_2", "-cipher", "AES128-SHA"), OpenSsl.httpRequest("GET", "/maf/x", null));
        OpenSsl.sClient(Client.MN_CSE, List.of("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"), OpenSsl.httpRequest("GET", "/maf/x", null));
        String notTls = "maf_tls_handshake_failures_total{reason=\"not-tls\"}";
        String closed = "maf_tls_handshake_failures_total{reason=\"closed\"}";
        try (Socket plainHttp = new Socket("localhost", MafClients.port())) {
            plainHttp.getOutputStream().write("GET /maf HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            plainHttp.getInputStream().readAllBytes(); // until the MAF closes it
        }
        new Socket("localhost", MafClients.port()).close(); // a TCP probe: connects, leaves
        awaitChange(before, untrusted);
        String after = awaitChange(before, closed);
        assertThat(value(after, untrusted) - value(before, untrusted)).isEqualTo(1.0);
        assertThat(value(after, noCipher) - value(before, noCipher)).isEqualTo(1.0);
        assertThat(value(after, oldProtocol) - value(before, oldProtocol)).isEqualTo(1.0);
        assertThat(value(after, notTls) - value(before, notTls)).isEqualTo(1.0);
        assertThat(value(after, closed) - value(before, closed)).isEqualTo(1.0);
    }

    /** One of each procedure, a success each, and the refusals that feed maf_refusals_total and the handshake counter. */
    private void runEveryProcedure() throws Exception {
        String registration = Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + registration).then().statusCode(200);
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + registration + "/mafClientCfg"); // 200 or 4004
        MafClients.as(Client.MN_CSE).contentType("application/json").body(Maf.clientReg("\"labels\":[\"a\"]"))
                .put("/maf/mafClientRegs/" + registration).then().statusCode(200);
        String key = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId)))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);
        MafClients.as(Client.MN_CSE).contentType("application/json").body(Maf.keyReg("\"labels\":[\"x\"]"))
                .put("/maf/symmKeyRegs/" + key).then().statusCode(200);
        MafClients.as(Client.MN_CSE).delete("/maf/symmKeyRegs/" + key).then().statusCode(200);
        MafClients.as(Client.MN_CSE).delete("/maf/mafClientRegs/" + registration).then().statusCode(200);
        MafClients.withoutCertificate().get("/maf/symmKeyRegs/" + key).then().statusCode(403); // 4106, a refusal
        OpenSsl.sClient(Client.UNTRUSTED, List.of("-tls1_3"), OpenSsl.httpRequest("GET", "/maf/x", null));
        storedCounts.count();
        String exposition = scrape();
        for (Procedure procedure : Procedure.values()) {
            if (procedure != Procedure.OTHER_MAF_REQUEST) {
                assertThat(value(exposition, "maf_procedure_seconds_count{procedure=\"" + procedure.name() + "\"}"))
                        .as(procedure.name() + " timed").isGreaterThanOrEqualTo(1.0);
            }
        }
    }

    /** A key the MN-CSE registers for the IN-CSE, both registered first if they are not yet. */
    private static String registerKeyFor(Client target) {
        if (TestDatabase.count("client_registration") == 0) {
            Maf.register(Client.MN_CSE);
            Maf.register(target);
        }
        return Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(target.clientId)))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
    }

    private static Set<String> notExported(Set<String> queried, Set<String> exported) {
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exported);
        return missing;
    }

    static String scrape() {
        return MafClients.management().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series, written as the exposition writes it (labels in order); 0 when absent. */
    static double value(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        return 0;
    }

    /** The handshake counter is told by the TLS handler, which may finish after OpenSSL has gone. */
    private static String awaitChange(String before, String series) throws InterruptedException {
        String now = scrape();
        for (int i = 0; i < 50 && value(now, series) == value(before, series); i++) {
            Thread.sleep(100);
            now = scrape();
        }
        return now;
    }
}
