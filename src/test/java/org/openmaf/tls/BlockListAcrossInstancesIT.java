package org.openmaf.tls;

import static org.hamcrest.Matchers.containsString;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.ExtraClient;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract section 7 and "many instances, one truth": a certificate blocked through one MAF instance is refused by
 * another instance sharing the database (the packaged MAF, a process of its own) from its next request on.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class BlockListAcrossInstancesIT {

    @Test
    void aBlockThroughOneInstanceHoldsOnAnotherAtOnce() throws Exception {
        ExtraClient device = TestPki.issueClient("blocked-everywhere", Files.createDirectories(TestPki.DIR.resolve("blocked")));
        String registration = BlockedCertificateTest.register(device);
        int port = MafProcess.freePort();
        Map<String, String> settings = MafProcess.testSettings(port);
        try (MafProcess other = MafProcess.maf(settings)) {
            other.awaitLine("Listening on", 90);
            MafClients.withKeyStore(device.pkcs12(), port).get("/maf/mafClientRegs/" + registration).then().statusCode(200);

            MafClients.asAdmin(AdminTokens.admin()).contentType("application/json")
                    .body("{\"fingerprintSha256\":\"" + device.fingerprint() + "\",\"reason\":\"compromised\"}")
                    .post("/admin/blocked-certificates").then().statusCode(201);
            MafClients.withKeyStore(device.pkcs12(), port).get("/maf/mafClientRegs/" + registration).then().statusCode(403)
                    .header("X-M2M-RSC", "4106").body("'m2m:dbg'", containsString("blocked"));

            MafClients.asAdmin(AdminTokens.admin()).delete("/admin/blocked-certificates/" + device.fingerprint())
                    .then().statusCode(204);
            MafClients.withKeyStore(device.pkcs12(), port).get("/maf/mafClientRegs/" + registration).then().statusCode(200);
        }
    }
}
