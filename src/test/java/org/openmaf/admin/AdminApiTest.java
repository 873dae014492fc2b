package org.openmaf.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
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
import org.openmaf.tls.ClientIdentityResolver;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** What an operator does through /admin, and that it takes effect at once on the MAF procedures. */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class AdminApiTest {

    private static final String OTHER_SP = "other.example.org";

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
        dropAdminStakeholders();
    }

    @AfterEach
    void noAdminStakeholdersLeft() {
        dropAdminStakeholders();
    }

    private static RequestSpecification admin() {
        return MafClients.asAdmin(AdminTokens.admin()).contentType("application/json");
    }

    private static RequestSpecification auditor() {
        return MafClients.asAdmin(AdminTokens.auditor());
    }

    @Test
    void aStakeholderCreatedHereAuthorizesItsClientsAtOnceAndItsDeletionRemovesTheirRegistrations() {
        Maf.post(Client.INTRUDER, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + OTHER_SP + "\""))
                .then().statusCode(403).header("X-M2M-RSC", "4103");

        admin().body("{\"adminFqdn\":\"" + OTHER_SP + "\",\"authorizedClients\":[\"//" + OTHER_SP + "/*\"],"
                + "\"maxRegistrationLifetime\":\"P30D\"}").post("/admin/stakeholders")
                .then().statusCode(201).header("Location", "/admin/stakeholders/" + OTHER_SP)
                .body("managedBy", equalTo("admin")).body("maxRegistrationLifetime", equalTo("P30D"))
                .body("maxKeyLifetime", equalTo("P7D"));
        auditor().get("/admin/stakeholders").then().statusCode(200)
                .body("adminFqdn", equalTo(List.of(Maf.ADMIN, OTHER_SP)))
                .body("managedBy", equalTo(List.of("config", "admin")));

        String registration = Maf.post(Client.INTRUDER, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + OTHER_SP + "\""))
                .then().statusCode(201).extract().path("'m2m:mafClientReg'.mafClientRegID");

        admin().body("{\"authorizedClients\":[\"//" + OTHER_SP + "/someone-else\"],\"maxKeyLifetime\":\"PT12H\"}")
                .put("/admin/stakeholders/" + OTHER_SP).then().statusCode(200)
                .body("authorizedClients", equalTo(List.of("//" + OTHER_SP + "/someone-else")))
                .body("maxKeyLifetime", equalTo("PT12H"));
        MafClients.as(Client.INTRUDER).contentType("application/json").body(Maf.clientReg("\"labels\":[\"x\"]"))
                .put("/maf/mafClientRegs/" + registration).then().statusCode(403).header("X-M2M-RSC", "4103");

        admin().delete("/admin/stakeholders/" + OTHER_SP).then().statusCode(204);
        MafClients.as(Client.INTRUDER).get("/maf/mafClientRegs/" + registration).then().statusCode(404);
        auditor().get("/admin/stakeholders/" + OTHER_SP).then().statusCode(404).header("X-M2M-RSC", "4004");

        auditor().queryParam("actor", AdminTokens.ADMIN_SUBJECT).get("/admin/audit-records").then().statusCode(200)
                .body("items.procedure", equalTo(List.of("ADMIN_STAKEHOLDER_DELETE", "ADMIN_STAKEHOLDER_UPDATE",
                        "ADMIN_STAKEHOLDER_CREATE")))
                .body("items.actorKind", equalTo(List.of("ADMIN", "ADMIN", "ADMIN")))
                .body("items[0].detail", containsString("1 registration(s)"));
    }

    @Test
    void aStakeholderFromConfigurationIsChangedInTheConfigurationNotHere() {
        admin().body("{\"maxKeyLifetime\":\"P1D\"}").put("/admin/stakeholders/" + Maf.ADMIN)
                .then().statusCode(409).header("X-M2M-RSC", "4105").body("'m2m:dbg'", containsString("maf.stakeholders"));
        admin().delete("/admin/stakeholders/" + Maf.ADMIN).then().statusCode(409);
        admin().body("{\"adminFqdn\":\"" + Maf.ADMIN + "\",\"authorizedClients\":[]}").post("/admin/stakeholders")
                .then().statusCode(409);
        assertThat(TestDatabase.count("audit_record")).isZero();
    }

    @Test
    void badInputGetsAClearErrorNeverA500() {
        record Case(String body, String message) {
        }
        for (Case bad : List.of(
                new Case("{\"adminFqdn\":\"not a host\",\"authorizedClients\":[]}", "fully qualified domain name"),
                new Case("{\"adminFqdn\":\"a.example\"}", "'authorizedClients' is required"),
                new Case("{\"adminFqdn\":\"a.example\",\"authorizedClients\":[\"in-cse\"]}", "ending in '*'"),
                new Case("{\"adminFqdn\":\"a.example\",\"authorizedClients\":[],\"maxKeyLifetime\":\"7 days\"}", "ISO 8601 duration"),
                new Case("{\"adminFqdn\":\"a.example\",\"authorizedClients\":[],\"maxKeyLifetime\":\"P99999999D\"}", "at most"),
                new Case("{\"adminFqdn\":\"a.example\",\"authorizedClients\":[],\"colour\":\"red\"}", "colour"),
                new Case("{\"adminFqdn\":42,\"authorizedClients\":[]}", "adminFqdn"),
                new Case("{broken", "not well-formed JSON"))) {
            admin().body(bad.body()).post("/admin/stakeholders").then().statusCode(400).header("X-M2M-RSC", "4000")
                    .body("'m2m:dbg'", containsString(bad.message()));
        }
        admin().post("/admin/stakeholders").then().statusCode(400).header("X-M2M-RSC", "4000");
        auditor().queryParam("size", "100000").get("/admin/audit-records").then().statusCode(400).body("'m2m:dbg'", containsString("size"));
        auditor().queryParam("page", "first").get("/admin/audit-records").then().statusCode(400);
        auditor().queryParam("from", "yesterday").get("/admin/audit-records").then().statusCode(400)
                .body("'m2m:dbg'", containsString("m2m:timestamp"));
        auditor().queryParam("result", "maybe").get("/admin/audit-records").then().statusCode(400);
        auditor().queryParam("suid", "x").get("/admin/key-registrations").then().statusCode(400);
        auditor().get("/admin/key-registrations/not-a-key").then().statusCode(400).header("X-M2M-RSC", "4000");
        auditor().get("/admin/certificate-bindings/abc").then().statusCode(400);
        admin().delete("/admin/key-registrations").then().statusCode(400).body("'m2m:dbg'", containsString("sourceId"));
        auditor().get("/admin/nothing-here").then().statusCode(404).header("X-M2M-RSC", "4004");
    }

    @Test
    void aCertificateBindingNamesTheClientFromTheNextRequestOn() throws Exception {
        MafClients.as(Client.NO_ID).get("/maf/mafClientRegs/x").then().statusCode(403).header("X-M2M-RSC", "4106");
        String fingerprint = ClientIdentityResolver.fingerprint(certificateOf(Client.NO_ID));
        String openSslStyle = String.join(":", fingerprint.toUpperCase().split("(?<=\\G..)"));
        String bound = "//my.m2mprovider.org/bound-device";

        admin().body("{\"fingerprintSha256\":\"" + openSslStyle + "\",\"clientId\":\"" + bound + "\"}")
                .post("/admin/certificate-bindings").then().statusCode(201)
                .header("Location", "/admin/certificate-bindings/" + fingerprint)
                .body("fingerprintSha256", equalTo(fingerprint)).body("createdBy", equalTo(AdminTokens.ADMIN_SUBJECT));
        admin().body("{\"fingerprintSha256\":\"" + fingerprint + "\",\"clientId\":\"" + bound + "\"}")
                .post("/admin/certificate-bindings").then().statusCode(409);
        auditor().queryParam("clientId", bound).get("/admin/certificate-bindings").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].clientId", equalTo(bound));

        Maf.post(Client.NO_ID, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\""))
                .then().statusCode(201).body("'m2m:mafClientReg'.mafClientID", equalTo(bound));

        admin().delete("/admin/certificate-bindings/" + openSslStyle).then().statusCode(204);
        MafClients.as(Client.NO_ID).get("/maf/mafClientRegs/x").then().statusCode(403).header("X-M2M-RSC", "4106");
        auditor().get("/admin/certificate-bindings/" + fingerprint).then().statusCode(404);
    }

    @Test
    void theClientConfigurationIsWhatTheClientRetrieves() {
        String id = Maf.register(Client.MN_CSE);
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id + "/mafClientCfg").then().statusCode(404);
        String configuration = "{\"clientId\":\"" + Client.MN_CSE.clientId + "\",\"adminFqdn\":\"" + Maf.ADMIN + "\","
                + "\"httpPort\":8443,\"labels\":[\"site-a\"],\"keyReg\":{\"suid\":32,\"targetIds\":[\""
                + Client.IN_CSE.clientId + "\"]}}";

        admin().body(configuration).put("/admin/client-configurations").then().statusCode(201).body("httpPort", equalTo(8443));
        admin().body(configuration.replace("8443", "9443")).put("/admin/client-configurations").then().statusCode(200);
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id + "/mafClientCfg").then().statusCode(200)
                .body("'m2m:mafClientCfg'.httpPort", equalTo(9443))
                .body("'m2m:mafClientCfg'.labels", equalTo(List.of("site-a")))
                .body("'m2m:mafClientCfg'.mafKeyRegCfg.targetIDs", equalTo(List.of(Client.IN_CSE.clientId)));
        auditor().queryParam("clientId", Client.MN_CSE.clientId).queryParam("adminFqdn", Maf.ADMIN)
                .get("/admin/client-configurations").then().statusCode(200).body("items", hasSize(1));

        admin().body(configuration.replace("\"suid\":32", "\"suid\":40")).put("/admin/client-configurations")
                .then().statusCode(400).body("'m2m:dbg'", containsString("suid"));
        admin().body(configuration.replace(Maf.ADMIN, "unknown.example")).put("/admin/client-configurations")
                .then().statusCode(400).body("'m2m:dbg'", containsString("no stakeholder"));
        // One client ID rule (org.openmaf.wire.ClientId): what key registration refuses as a target, the admin API refuses too.
        admin().body(configuration.replace(Client.IN_CSE.clientId, "//my_sp/in-cse")).put("/admin/client-configurations")
                .then().statusCode(400).header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("//SP-ID/id"));
        admin().body(configuration.replace(Client.MN_CSE.clientId, "//my.m2mprovider.org/../x")).put("/admin/client-configurations")
                .then().statusCode(400).header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("clientId"));

        admin().queryParam("clientId", Client.MN_CSE.clientId).queryParam("adminFqdn", Maf.ADMIN)
                .delete("/admin/client-configurations").then().statusCode(204);
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id + "/mafClientCfg").then().statusCode(404);
    }

    @Test
    void registrationsAndKeysAreListedFilteredPagedAndRevokedWithoutEverShowingAKey() {
        String mnRegistration = Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
        Maf.register(Client.AE);
        String first = registerKey(Client.MN_CSE, 32, Client.IN_CSE);
        registerKey(Client.MN_CSE, 34, Client.AE);
        String third = registerKey(Client.AE, 32, Client.IN_CSE);
        String keyValue = MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + first).then().statusCode(200)
                .extract().path("'m2m:symmKeyReg'.keyValue");

        auditor().queryParam("clientId", Client.MN_CSE.clientId).get("/admin/client-registrations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(mnRegistration));
        auditor().get("/admin/client-registrations/" + mnRegistration).then().statusCode(200)
                .body("adminFqdn", equalTo(Maf.ADMIN));

        String listing = auditor().queryParam("size", "2").get("/admin/key-registrations").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).extract().asString();
        auditor().queryParam("size", "2").queryParam("page", "1").get("/admin/key-registrations").then()
                .body("items", hasSize(1)).body("page", equalTo(1));
        auditor().queryParam("targetId", Client.IN_CSE.clientId).get("/admin/key-registrations").then()
                .body("items.relativeKeyId", equalTo(List.of(first, third)));
        auditor().queryParam("sourceId", Client.MN_CSE.clientId).queryParam("suid", "34").get("/admin/key-registrations")
                .then().body("total", equalTo(1)).body("items[0].targetIds", equalTo(List.of(Client.AE.clientId)));
        auditor().queryParam("adminFqdn", "nobody.example").get("/admin/key-registrations").then().body("total", equalTo(0));
        String one = auditor().get("/admin/key-registrations/" + first.toLowerCase() + "@" + MafTestEnvironment.MAF_FQDN)
                .then().statusCode(200).body("keyIdentifier", equalTo(first + "@" + MafTestEnvironment.MAF_FQDN))
                .body("keyOrigin", equalTo("exporter")).extract().asString();
        for (String response : List.of(listing, one)) {
            assertThat(response).doesNotContain(keyValue).doesNotContainIgnoringCase("keyValue")
                    .doesNotContainIgnoringCase("ciphertext").doesNotContainIgnoringCase("nonce");
        }

        admin().delete("/admin/key-registrations/" + first).then().statusCode(200).body("keys", equalTo(1));
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + first).then().statusCode(404);
        admin().queryParam("sourceId", Client.AE.clientId).delete("/admin/key-registrations").then().statusCode(200)
                .body("keys", equalTo(1));
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + third).then().statusCode(404);
        admin().delete("/admin/client-registrations/" + mnRegistration).then().statusCode(200)
                .body("registrations", equalTo(1)).body("keys", equalTo(1));
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + mnRegistration).then().statusCode(404);
        auditor().get("/admin/key-registrations").then().body("total", equalTo(0));

        String audit = auditor().queryParam("size", "500").get("/admin/audit-records").then().statusCode(200).extract().asString();
        assertThat(audit).contains("ADMIN_KEY_REVOKE", "ADMIN_CLIENT_KEYS_REVOKE", "ADMIN_CLIENT_REGISTRATION_REVOKE")
                .doesNotContain(keyValue);
    }

    @Test
    void theAuditLogIsFilteredAndNewestFirst() {
        Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
        MafClients.as(Client.AE).get("/maf/mafClientRegs/unknown").then().statusCode(404);
        MafClients.as(Client.INTRUDER).contentType("application/json")
                .body(Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\"")).post("/maf/mafClientRegs").then().statusCode(403);

        auditor().get("/admin/audit-records").then().statusCode(200).body("total", equalTo(4))
                .body("items.actor", equalTo(List.of(Client.INTRUDER.clientId, Client.AE.clientId, Client.IN_CSE.clientId,
                        Client.MN_CSE.clientId)));
        auditor().queryParam("result", "success").get("/admin/audit-records").then().body("total", equalTo(2));
        auditor().queryParam("result", "refusal").get("/admin/audit-records").then().body("total", equalTo(2));
        auditor().queryParam("result", "4103").get("/admin/audit-records").then().body("total", equalTo(1))
                .body("items[0].actor", equalTo(Client.INTRUDER.clientId));
        auditor().queryParam("procedure", "client_registration").queryParam("actor", Client.MN_CSE.clientId)
                .get("/admin/audit-records").then().body("total", equalTo(1)).body("items[0].rsc", equalTo(2001));
        auditor().queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "20000102T000000").get("/admin/audit-records")
                .then().body("total", equalTo(0));
        auditor().queryParam("from", "20000101T000000").get("/admin/audit-records").then().body("total", equalTo(4));
    }

    private static String registerKey(Client source, int suid, Client target) {
        return Maf.post(source, "/maf/symmKeyRegs", Maf.keyRegFor(suid, List.of(target.clientId)))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
    }

    private static X509Certificate certificateOf(Client client) throws Exception {
        try (InputStream in = Files.newInputStream(client.certificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void dropAdminStakeholders() {
        try (var db = TestDatabase.connect(); var statement = db.createStatement()) {
            statement.execute("delete from stakeholder where managed_by = 'admin'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
