package org.openmaf.admin;

import static org.hamcrest.Matchers.containsString;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The split between operators and MAF clients: bearer tokens for /admin, client certificates for /maf, never crossed. */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AdminSecurityTest {

    private static final String STAKEHOLDER = "{\"adminFqdn\":\"security.test.example\",\"authorizedClients\":[]}";

    @Test
    void withoutATokenTheAdminApiAnswers401() {
        MafClients.withoutCertificate().get("/admin/stakeholders").then().statusCode(401);
        MafClients.withoutCertificate().contentType("application/json").body(STAKEHOLDER).post("/admin/stakeholders")
                .then().statusCode(401);
    }

    @Test
    void anExpiredOrForeignTokenIsNotAuthentication() {
        for (String token : new String[] { AdminTokens.expiredAdmin(), AdminTokens.adminSignedByAnotherKey(),
                AdminTokens.adminFromAnotherIssuer(), "not-a-jwt" }) {
            MafClients.asAdmin(token).get("/admin/stakeholders").then().statusCode(401);
        }
    }

    @Test
    void anAuditorReadsButChangesNothing() {
        MafClients.asAdmin(AdminTokens.auditor()).get("/admin/stakeholders").then().statusCode(200);
        MafClients.asAdmin(AdminTokens.auditor()).get("/admin/audit-records").then().statusCode(200);
        MafClients.asAdmin(AdminTokens.auditor()).contentType("application/json").body(STAKEHOLDER).post("/admin/stakeholders")
                .then().statusCode(403);
        MafClients.asAdmin(AdminTokens.auditor()).delete("/admin/key-registrations?sourceId=//my.m2mprovider.org/x")
                .then().statusCode(403);
    }

    @Test
    void aTokenWithoutAnAdminRoleIsForbidden() {
        String stranger = AdminTokens.token("carol@operator.test.example", Set.of("maf-user"));
        MafClients.asAdmin(stranger).get("/admin/stakeholders").then().statusCode(403);
        MafClients.asAdmin(stranger).get("/admin/audit-records").then().statusCode(403);
    }

    @Test
    void aMafClientCertificateAloneCannotCallTheAdminApi() {
        Maf.register(Client.IN_CSE);
        MafClients.as(Client.IN_CSE).get("/admin/stakeholders").then().statusCode(401);
        MafClients.as(Client.IN_CSE).get("/admin/audit-records").then().statusCode(401);
        MafClients.as(Client.IN_CSE).contentType("application/json").body(STAKEHOLDER).post("/admin/stakeholders")
                .then().statusCode(401);
    }

    @Test
    void anAdminTokenCannotRunMafProcedures() {
        MafClients.asAdmin(AdminTokens.admin()).get("/maf/mafClientRegs/anything")
                .then().statusCode(403).header("X-M2M-RSC", "4106").body("'m2m:dbg'", containsString("client certificate"));
        MafClients.asAdmin(AdminTokens.admin()).contentType("application/json")
                .body(Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\"")).post("/maf/mafClientRegs")
                .then().statusCode(403).header("X-M2M-RSC", "4106");
    }
}
