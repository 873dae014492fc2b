package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.ExtraClient;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Contract section 7: the operators' block list stops a certificate from the next /maf request on. */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class BlockedCertificateTest {

    @Test
    void aBlockedCertificateGets4106FromTheNextRequestOnUntilTheBlockIsLifted() throws Exception {
        ExtraClient device = TestPki.issueClient("blocked-device", directory());
        String registration = register(device);
        try (RawHttps open = RawHttps.open(RawHttps.context(device.pkcs12()))) {
            assertThat(open.exchange("GET", "/maf/mafClientRegs/" + registration, null)).isEqualTo(200);

            // Upper case with colons, as openssl x509 -fingerprint prints it.
            admin().body("{\"fingerprintSha256\":\"" + colons(device.fingerprint()) + "\",\"reason\":\"device stolen\"}")
                    .post("/admin/blocked-certificates").then().statusCode(201)
                    .header("Location", "/admin/blocked-certificates/" + device.fingerprint())
                    .body("fingerprintSha256", equalTo(device.fingerprint()))
                    .body("blockedBy", equalTo(AdminTokens.ADMIN_SUBJECT));

            // The connection that was already open is refused from its next request on, and so is a new one.
            assertThat(open.exchange("GET", "/maf/mafClientRegs/" + registration, null)).isEqualTo(403);
        }
        asDevice(device).get("/maf/mafClientRegs/" + registration).then().statusCode(403)
                .header("X-M2M-RSC", "4106").body("'m2m:dbg'", containsString("blocked"))
                .body("'m2m:dbg'", not(containsString("stolen")));
        asDevice(device).contentType("application/json").body(Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\""))
                .post("/maf/mafClientRegs").then().statusCode(403).header("X-M2M-RSC", "4106");
        // Other clients are not affected.
        MafClients.as(TestPki.Client.MN_CSE).get("/maf/nothing-here").then().statusCode(404);

        MafClients.asAdmin(AdminTokens.auditor()).get("/admin/blocked-certificates").then().statusCode(200)
                .body("items.fingerprintSha256", hasItem(device.fingerprint()))
                .body("items.reason", hasItem("device stolen"));
        admin().body("{\"fingerprintSha256\":\"" + device.fingerprint() + "\"}").post("/admin/blocked-certificates")
                .then().statusCode(409).header("X-M2M-RSC", "4105");

        admin().delete("/admin/blocked-certificates/" + device.fingerprint()).then().statusCode(204);
        asDevice(device).get("/maf/mafClientRegs/" + registration).then().statusCode(200);
        admin().delete("/admin/blocked-certificates/" + device.fingerprint()).then().statusCode(404)
                .header("X-M2M-RSC", "4004");

        MafClients.asAdmin(AdminTokens.auditor()).queryParam("procedure", "ADMIN_CERTIFICATE_BLOCK")
                .get("/admin/audit-records").then().statusCode(200)
                .body("items.resourceId", hasItem(device.fingerprint()))
                .body("items.detail", not(hasItem(containsString("stolen"))));
        MafClients.asAdmin(AdminTokens.auditor()).queryParam("procedure", "ADMIN_CERTIFICATE_UNBLOCK")
                .get("/admin/audit-records").then().statusCode(200)
                .body("items.resourceId", hasItem(device.fingerprint()));
    }

    @Test
    void onlyAnAdminBlocksAndOnlyAFingerprintIsAccepted() {
        String fingerprint = "ab".repeat(32);
        MafClients.asAdmin(AdminTokens.auditor()).contentType("application/json")
                .body("{\"fingerprintSha256\":\"" + fingerprint + "\"}").post("/admin/blocked-certificates")
                .then().statusCode(403);
        MafClients.asAdmin(AdminTokens.auditor()).delete("/admin/blocked-certificates/" + fingerprint).then().statusCode(403);
        MafClients.withoutCertificate().get("/admin/blocked-certificates").then().statusCode(401);
        admin().body("{\"fingerprintSha256\":\"not-a-fingerprint\"}").post("/admin/blocked-certificates")
                .then().statusCode(400).header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("fingerprintSha256"));
        admin().body("{\"reason\":\"no fingerprint\"}").post("/admin/blocked-certificates")
                .then().statusCode(400).header("X-M2M-RSC", "4000");
        admin().body("{\"fingerprintSha256\":\"" + fingerprint + "\",\"reason\":\"" + "x".repeat(1001) + "\"}")
                .post("/admin/blocked-certificates").then().statusCode(400).header("X-M2M-RSC", "4000")
                .body("'m2m:dbg'", containsString("reason"));
        admin().delete("/admin/blocked-certificates/xyz").then().statusCode(400).header("X-M2M-RSC", "4000");
    }

    static String register(ExtraClient device) {
        return asDevice(device).contentType("application/json").body(Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\""))
                .post("/maf/mafClientRegs").then().statusCode(201).extract().path("'m2m:mafClientReg'.mafClientRegID");
    }

    private static RequestSpecification asDevice(ExtraClient device) {
        return MafClients.withKeyStore(device.pkcs12(), MafClients.port());
    }

    private static RequestSpecification admin() {
        return MafClients.asAdmin(AdminTokens.admin()).contentType("application/json");
    }

    private static String colons(String hex) {
        return hex.toUpperCase().replaceAll("(..)(?!$)", "$1:");
    }

    private static Path directory() throws Exception {
        return Files.createDirectories(TestPki.DIR.resolve("blocked"));
    }
}
