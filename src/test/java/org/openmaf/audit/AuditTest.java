package org.openmaf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdjustableClock;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.OpenSsl;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;
import org.openmaf.wire.ConnectionKeys;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every procedure, success or refusal, leaves an audit record; no key material reaches the audit trail or the log. */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AuditTest {

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
    }

    @Test
    void aFullFlowIsAuditedAndNoKeyMaterialIsLoggedOrAudited() throws Exception {
        Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
        Maf.register(Client.AE);
        OpenSsl.Result mn = OpenSsl.sClient(Client.MN_CSE,
                List.of("-tls1_3", "-keymatexport", ConnectionKeys.EXPORTER_LABEL, "-keymatexportlen", "48"),
                OpenSsl.httpRequest("POST", "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId))));
        String kcId = mn.keyingMaterial().substring(0, 32);
        byte[] kc = HexFormat.of().parseHex(mn.keyingMaterial().substring(32));
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + kcId).then().statusCode(200);
        MafClients.as(Client.AE).get("/maf/symmKeyRegs/" + kcId).then().statusCode(403);
        MafClients.as(Client.MN_CSE).contentType("application/json").body("{broken").post("/maf/symmKeyRegs").then().statusCode(400);
        // A peer without a certificate is recorded once a minute per address (contract section 6): a minute on from
        // whatever earlier tests recorded for this address, this refusal is.
        clock.advance(Duration.ofMinutes(5));
        try {
            MafClients.withoutCertificate().get("/maf/symmKeyRegs/" + kcId).then().statusCode(403);
        } finally {
            clock.reset();
        }

        List<String> audit = new ArrayList<>();
        try (var db = TestDatabase.connect(); var rows = db.createStatement().executeQuery(
                "select procedure_name, actor, resource_id, rsc, coalesce(detail, '') from audit_record order by id")) {
            while (rows.next()) {
                audit.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3) + "|" + rows.getInt(4) + "|" + rows.getString(5));
            }
        }
        assertThat(audit).anyMatch(r -> r.startsWith("CLIENT_REGISTRATION|" + Client.MN_CSE.clientId + "|"))
                .anyMatch(r -> r.equals("KEY_REGISTRATION|" + Client.MN_CSE.clientId + "|" + kcId + "|2001|"))
                .anyMatch(r -> r.equals("KEY_RETRIEVAL|" + Client.IN_CSE.clientId + "|" + kcId + "|2000|"))
                .anyMatch(r -> r.startsWith("KEY_RETRIEVAL|" + Client.AE.clientId + "|" + kcId + "|4103|"))
                // Refused by the binding layer before any procedure ran: recorded with the path it addressed.
                .anyMatch(r -> r.startsWith("OTHER_MAF_REQUEST|" + Client.MN_CSE.clientId + "|/maf/symmKeyRegs|4000|POST: "))
                .anyMatch(r -> r.startsWith("OTHER_MAF_REQUEST|null|/maf/symmKeyRegs/" + kcId + "|4106|GET: "));
        assertThat(audit).as("each refusal is recorded once").hasSize(8);

        String hex = HexFormat.of().formatHex(kc);
        String base64 = Base64.getEncoder().encodeToString(kc);
        String log = Files.readString(Path.of("target", "maf-test.log"));
        for (String trail : List.of(String.join("\n", audit), log)) {
            assertThat(trail).doesNotContainIgnoringCase(hex).doesNotContain(base64);
        }
    }

    @Test
    void requestsNoProcedureServesAreAuditedOnceByTheBindingLayerAndAdminRefusalsAreNot() throws Exception {
        MafClients.as(Client.MN_CSE).header("X-M2M-RI", "req-unknown").get("/maf/nothing-here").then().statusCode(404);
        // Refused while matching, before the client is authenticated (no actor), and on the I/O thread, so recorded
        // off it: the loop below waits for the row.
        String requestId = MafClients.as(Client.AE).patch("/maf/mafClientRegs").then().statusCode(405)
                .extract().header("X-M2M-RI");
        MafClients.asAdmin(org.openmaf.testing.AdminTokens.auditor()).get("/admin/nothing-here").then().statusCode(404);

        List<String> audit = List.of();
        for (int attempt = 0; attempt < 50 && audit.size() < 2; attempt++) {
            Thread.sleep(100);
            audit = rows("select procedure_name, actor, resource_id, rsc, request_id from audit_record order by id");
        }
        Thread.sleep(200); // a duplicate would arrive as late as the asynchronous record
        assertThat(rows("select procedure_name, actor, resource_id, rsc, request_id from audit_record order by id"))
                .containsExactlyInAnyOrder(
                        "OTHER_MAF_REQUEST|" + Client.MN_CSE.clientId + "|/maf/nothing-here|4004|req-unknown",
                        "OTHER_MAF_REQUEST|null|/maf/mafClientRegs|4005|" + requestId);
    }

    private static List<String> rows(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var db = TestDatabase.connect(); var result = db.createStatement().executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getString(c));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }
}
