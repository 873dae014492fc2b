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
import org.openmaf.tls.ExporterKeys;

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
                List.of("-tls1_3", "-keymatexport", ExporterKeys.LABEL, "-keymatexportlen", "48"),
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
                .anyMatch(r -> r.startsWith("KEY_REGISTRATION|" + Client.MN_CSE.clientId + "|null|4000|"))
                .anyMatch(r -> r.startsWith("KEY_RETRIEVAL|null|" + kcId + "|4106|"));

        String hex = HexFormat.of().formatHex(kc);
        String base64 = Base64.getEncoder().encodeToString(kc);
        String log = Files.readString(Path.of("target", "maf-test.log"));
        for (String trail : List.of(String.join("\n", audit), log)) {
            assertThat(trail).doesNotContainIgnoringCase(hex).doesNotContain(base64);
        }
    }
}
