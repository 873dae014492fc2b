package org.openmaf.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Provisioning of PSK Master Credentials (contract section 8): input checked, Km sealed and never returned, changes
 * audited, and a client ID is a PSK client or a certificate client, never both.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class PskCredentialAdminTest {

    private static final String KM = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String FQDN = MafTestEnvironment.MAF_FQDN;

    @BeforeEach
    @AfterEach
    void cleanSlate() {
        TestDatabase.clearProcedureData(); // psk_credential too: a Km left for MN_CSE would lock its certificate out
    }

    private static RequestSpecification admin() {
        return MafClients.asAdmin(AdminTokens.admin()).contentType("application/json");
    }

    private static String create(String kmId, String clientId, String key, String extra) {
        return "{\"kmID\":\"" + kmId + "\",\"mafClientID\":\"" + clientId + "\",\"key\":\"" + key + "\"" + extra + "}";
    }

    @Test
    void provisionListReadDeleteNeverShowTheKeyAndAreAudited() {
        admin().body(create("device-1@" + FQDN, "//my.m2mprovider.org/device-1", KM, ",\"expirationTime\":\"20991231T000000\""))
                .post("/admin/psk-credentials").then().statusCode(201).header("X-M2M-RSC", "2001")
                .header("Location", "/admin/psk-credentials/DEVICE-1@" + FQDN)
                .body("kmID", equalTo("DEVICE-1@" + FQDN)).body("expirationTime", equalTo("20991231T000000"))
                .body(not(containsString(KM)));
        MafClients.asAdmin(AdminTokens.auditor()).get("/admin/psk-credentials").then().statusCode(200)
                .body("items.kmID", equalTo(List.of("DEVICE-1@" + FQDN))).body(not(containsString(KM)))
                .body(not(containsString("\"key\"")));
        admin().get("/admin/psk-credentials/Device-1@" + FQDN).then().statusCode(200)
                .body("mafClientID", equalTo("//my.m2mprovider.org/device-1"));
        // Sealed at rest: the stored ciphertext is not the key, and is bound to its KmID.
        assertThat(TestDatabase.countWhere("select count(*) from psk_credential where kek_id = 'test-k1'"
                + " and length(km_ciphertext) = 32 + 16")).isEqualTo(1);
        MafClients.asAdmin(AdminTokens.auditor()).body(create("x@" + FQDN, "//my.m2mprovider.org/x", KM, ""))
                .contentType("application/json").post("/admin/psk-credentials").then().statusCode(403);
        admin().delete("/admin/psk-credentials/DEVICE-1@" + FQDN).then().statusCode(204);
        admin().delete("/admin/psk-credentials/DEVICE-1@" + FQDN).then().statusCode(404).header("X-M2M-RSC", "4004");
        MafClients.asAdmin(AdminTokens.auditor()).queryParam("actor", AdminTokens.ADMIN_SUBJECT).get("/admin/audit-records")
                .then().statusCode(200).body("items.procedure", equalTo(List.of("ADMIN_PSK_CREDENTIAL_DELETE",
                        "ADMIN_PSK_CREDENTIAL_CREATE"))).body(not(containsString(KM)));
    }

    @Test
    void deletingTheLastKmOfAClientEndsItsRegistrationsSoNoCertificateInheritsThem() {
        String device = "//my.m2mprovider.org/device-2";
        admin().body(create("device-2a@" + FQDN, device, KM, "")).post("/admin/psk-credentials").then().statusCode(201);
        admin().body(create("device-2b@" + FQDN, device, KM, "")).post("/admin/psk-credentials").then().statusCode(201);
        TestDatabase.update("insert into client_registration (id, client_id, admin_fqdn, expiration_time, creation_time,"
                + " last_modified_time) values ('psk-reg-1', ?, '" + MafTestEnvironment.ADMIN_FQDN + "',"
                + " now() + interval '1 day', now(), now())", device);
        String ofDevice = "select count(*) from client_registration where client_id = '" + device + "'";

        admin().delete("/admin/psk-credentials/DEVICE-2A@" + FQDN).then().statusCode(204);
        assertThat(TestDatabase.countWhere(ofDevice)).as("another Km still authenticates the device").isEqualTo(1);
        admin().delete("/admin/psk-credentials/DEVICE-2B@" + FQDN).then().statusCode(204);
        assertThat(TestDatabase.countWhere(ofDevice)).as("the last Km took the registrations with it").isZero();
        assertThat(TestDatabase.orphans()).isZero();
        assertThat(TestDatabase.countWhere("select count(*) from audit_record where procedure_name ="
                + " 'ADMIN_PSK_CREDENTIAL_DELETE' and detail like '%registrations ended: 1%'")).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithAnRsc() {
        admin().body(create("device@other.example.org", "//my.m2mprovider.org/d", KM, "")).post("/admin/psk-credentials")
                .then().statusCode(400).header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString(FQDN));
        admin().body(create("no-fqdn", "//my.m2mprovider.org/d", KM, "")).post("/admin/psk-credentials")
                .then().statusCode(400).header("X-M2M-RSC", "4000");
        admin().body(create("a/b@" + FQDN, "//my.m2mprovider.org/d", KM, "")).post("/admin/psk-credentials")
                .then().statusCode(400);
        admin().body(create("d@" + FQDN, "//my.m2mprovider.org/d", Base64.getEncoder().encodeToString(new byte[15]), ""))
                .post("/admin/psk-credentials").then().statusCode(400).body("'m2m:dbg'", containsString("16 to 64 bytes"));
        admin().body(create("d@" + FQDN, "//my.m2mprovider.org/d", "not base64!", "")).post("/admin/psk-credentials")
                .then().statusCode(400).body("'m2m:dbg'", not(containsString("not base64!")));
        admin().body(create("d@" + FQDN, "not-a-client-id", KM, "")).post("/admin/psk-credentials").then().statusCode(400);
        admin().body(create("d@" + FQDN, "//my.m2mprovider.org/d", KM, ",\"expirationTime\":\"20200101T000000\""))
                .post("/admin/psk-credentials").then().statusCode(400).body("'m2m:dbg'", containsString("future"));
        admin().body(create("d@" + FQDN, "//my.m2mprovider.org/d", KM, "")).post("/admin/psk-credentials").then().statusCode(201);
        admin().body(create("D@" + FQDN, "//my.m2mprovider.org/e", KM, "")).post("/admin/psk-credentials")
                .then().statusCode(409).header("X-M2M-RSC", "4105");
        assertThat(TestDatabase.count("psk_credential")).isEqualTo(1);
    }

    @Test
    void aClientIdIsAPskClientOrACertificateClientNeverBoth() {
        // A certificate client that registered cannot be given a Km...
        Maf.post(Client.IN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\""))
                .then().statusCode(201);
        admin().body(create("in-cse@" + FQDN, Client.IN_CSE.clientId, KM, "")).post("/admin/psk-credentials")
                .then().statusCode(409).header("X-M2M-RSC", "4105");
        // ...and once a Km names a client ID, a certificate that claims that ID authenticates no one.
        admin().body(create("mn@" + FQDN, Client.MN_CSE.clientId, KM, "")).post("/admin/psk-credentials")
                .then().statusCode(201);
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\""))
                .then().statusCode(403).header("X-M2M-RSC", "4106").body("'m2m:dbg'", containsString("pre-provisioned Km"));
        admin().delete("/admin/psk-credentials/mn@" + FQDN).then().statusCode(204);
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\""))
                .then().statusCode(201);
    }
}
