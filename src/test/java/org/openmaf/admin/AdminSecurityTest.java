package org.openmaf.admin;

import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
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
    void aTokenForAnotherAudienceIsRefused() {
        MafClients.asAdmin(AdminTokens.adminForAnotherAudience()).get("/admin/stakeholders").then().statusCode(401);
        MafClients.asAdmin(AdminTokens.admin()).get("/admin/stakeholders").then().statusCode(200);
    }

    @Test
    void aTokenIssuedInTheFutureTooOldOrValidTooLongIsRefused() {
        Instant now = Instant.now();
        // An hour in the future is far beyond the 60 s of clock skew allowed.
        MafClients.asAdmin(AdminTokens.adminIssuedAt(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))))
                .get("/admin/stakeholders").then().statusCode(401);
        // Issued 13 h ago, still unexpired: older than maf.admin.max-token-age (PT12H).
        MafClients.asAdmin(AdminTokens.adminIssuedAt(now.minus(Duration.ofHours(13)), now.plus(Duration.ofHours(1))))
                .get("/admin/stakeholders").then().statusCode(401);
        // Fresh, but valid for ten years.
        MafClients.asAdmin(AdminTokens.adminIssuedAt(now, now.plus(Duration.ofDays(3650))))
                .get("/admin/stakeholders").then().statusCode(401);
        // Within the rules: 30 s ahead of our clock (skew), and an 11 h old token with an hour left.
        MafClients.asAdmin(AdminTokens.adminIssuedAt(now.plusSeconds(30), now.plus(Duration.ofMinutes(10))))
                .get("/admin/stakeholders").then().statusCode(200);
        MafClients.asAdmin(AdminTokens.adminIssuedAt(now.minus(Duration.ofHours(11)), now.plus(Duration.ofMinutes(30))))
                .get("/admin/stakeholders").then().statusCode(200);
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
