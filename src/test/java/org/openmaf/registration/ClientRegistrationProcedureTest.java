package org.openmaf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.wire.M2mTimestamp;
import org.openmaf.testing.AdjustableClock;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** TS-0003 8.8.2.3 to 8.8.2.6 over the contract's HTTPS/JSON mapping. */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ClientRegistrationProcedureTest {

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void registerRetrieveUpdateDeregister() {
        var created = Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg(
                "\"adminFQDN\":\"my.m2mprovider.org\",\"mafFQDN\":\"MAF.test.example\",\"labels\":[\"gateway\"]"))
                .then().statusCode(201).header("X-M2M-RSC", "2001")
                .body("'m2m:mafClientReg'.mafClientID", equalTo(Client.MN_CSE.clientId))
                .body("'m2m:mafClientReg'.adminFQDN", equalTo("my.m2mprovider.org"))
                .body("'m2m:mafClientReg'.mafFQDN", equalTo(MafTestEnvironment.MAF_FQDN))
                .body("'m2m:mafClientReg'.labels[0]", equalTo("gateway"))
                .extract();
        String id = created.path("'m2m:mafClientReg'.mafClientRegID");
        assertThat(id).hasSizeGreaterThanOrEqualTo(22);
        assertThat(created.header("Content-Location")).isEqualTo("/maf/mafClientRegs/" + id);
        assertThat((String) created.path("'m2m:mafClientReg'.creationTime")).matches("\\d{8}T\\d{6}");
        // Default lifetime: the stakeholder's maximum (P365D).
        Instant expiration = M2mTimestamp.parse(created.path("'m2m:mafClientReg'.expirationTime")).orElseThrow();
        assertThat(Duration.between(Instant.now(), expiration)).isBetween(Duration.ofDays(364), Duration.ofDays(365));

        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id).then().statusCode(200).header("X-M2M-RSC", "2000")
                .body("'m2m:mafClientReg'.mafClientRegID", equalTo(id));

        MafClients.as(Client.MN_CSE).contentType("application/json").body(Maf.clientReg("\"labels\":[\"a\",\"b\"]"))
                .put("/maf/mafClientRegs/" + id).then().statusCode(200).header("X-M2M-RSC", "2004")
                .body("'m2m:mafClientReg'.labels", org.hamcrest.Matchers.contains("a", "b"))
                .body("'m2m:mafClientReg'", not(hasKey("expirationTime")))
                .body("'m2m:mafClientReg'", not(hasKey("mafClientRegID")));

        MafClients.as(Client.MN_CSE).delete("/maf/mafClientRegs/" + id).then().statusCode(200).header("X-M2M-RSC", "2002");
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id).then().statusCode(404).header("X-M2M-RSC", "4004");
    }

    @Test
    void theStakeholderCapsTheLifetime() {
        Maf.post(Client.IN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"my.m2mprovider.org\","
                + "\"expirationTime\":\"" + M2mTimestamp.format(Instant.now().plus(Duration.ofDays(3650))) + "\""))
                .then().statusCode(201).body("'m2m:mafClientReg'.expirationTime",
                        org.hamcrest.Matchers.startsWith(M2mTimestamp.format(Instant.now().plus(Duration.ofDays(365))).substring(0, 8)));
    }

    @Test
    void onlyAuthorizedClientsMayRegister() {
        Maf.post(Client.INTRUDER, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"my.m2mprovider.org\""))
                .then().statusCode(403).header("X-M2M-RSC", "4103").body("'m2m:dbg'", containsString("not authorized"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"unknown.example\""))
                .then().statusCode(403).header("X-M2M-RSC", "4103").body("'m2m:dbg'", containsString("unknown.example"));
    }

    @Test
    void onlyTheRegisteringClientMayUseItsRegistration() {
        String id = Maf.register(Client.MN_CSE);
        MafClients.as(Client.IN_CSE).get("/maf/mafClientRegs/" + id).then().statusCode(403).header("X-M2M-RSC", "4103");
        MafClients.as(Client.IN_CSE).delete("/maf/mafClientRegs/" + id).then().statusCode(403).header("X-M2M-RSC", "4103");
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id).then().statusCode(200);
    }

    @Test
    void badRequestsAreRefusedWithReasons() {
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"my.m2mprovider.org\",\"mafFQDN\":\"other.maf\""))
                .then().statusCode(400).header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("mafFQDN"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"labels\":[\"x\"]"))
                .then().statusCode(400).body("'m2m:dbg'", containsString("adminFQDN"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", "{\"m2m:mafClientReg\":{\"adminFQDN\":\"my.m2mprovider.org\",")
                .then().statusCode(400).header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("JSON"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":42"))
                .then().statusCode(400).body("'m2m:dbg'", containsString("adminFQDN: expected a string"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"my.m2mprovider.org\",\"mafClientRegID\":\"x\""))
                .then().statusCode(400).body("'m2m:dbg'", containsString("'mafClientRegID' is not accepted"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", "{\"m2m:somethingElse\":{}}")
                .then().statusCode(400).body("'m2m:dbg'", containsString("m2m:mafClientReg"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"my.m2mprovider.org\",\"expirationTime\":\"tomorrow\""))
                .then().statusCode(400).body("'m2m:dbg'", containsString("m2m:timestamp"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"my.m2mprovider.org\",\"expirationTime\":\"20200101T000000\""))
                .then().statusCode(400).body("'m2m:dbg'", containsString("not in the future"));
        MafClients.as(Client.MN_CSE).contentType("text/plain").body("hello").post("/maf/mafClientRegs")
                .then().statusCode(415).header("X-M2M-RSC", "4015");
        MafClients.as(Client.MN_CSE).contentType("application/vnd.onem2m-res+json; ty=1").body(Maf.clientReg("\"labels\":[]"))
                .post("/maf/mafClientRegs").then().statusCode(400).body("'m2m:dbg'", containsString("adminFQDN"));
        MafClients.as(Client.MN_CSE).accept("application/xml").get("/maf/mafClientRegs/x").then().statusCode(406).header("X-M2M-RSC", "5207");
        String id = Maf.register(Client.MN_CSE);
        MafClients.as(Client.MN_CSE).contentType("application/json").body(Maf.clientReg(""))
                .put("/maf/mafClientRegs/" + id).then().statusCode(400).body("'m2m:dbg'", containsString("expirationTime or labels"));
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"my.m2mprovider.org\""))
                .then().statusCode(409).header("X-M2M-RSC", "4105").body("'m2m:dbg'", containsString(id));
    }

    @Test
    void anExpiredRegistrationIsNotFoundFromTheInstantItExpires() {
        String id = Maf.register(Client.MN_CSE);
        clock.advance(Duration.ofDays(366));
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id).then().statusCode(404).header("X-M2M-RSC", "4004");
        Maf.register(Client.MN_CSE); // and the client may register again
    }

    @Test
    void configurationRetrievalServesWhatTheOperatorAttached() throws Exception {
        String id = Maf.register(Client.MN_CSE);
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id + "/mafClientCfg").then().statusCode(404).header("X-M2M-RSC", "4004");
        try (var db = TestDatabase.connect(); var insert = db.prepareStatement("insert into client_configuration"
                + " (client_id, admin_fqdn, http_port, labels, key_reg_suid, key_reg_target_ids, updated_at)"
                + " values (?, ?, 8443, '[\"cfg\"]', 32, '[\"//my.m2mprovider.org/in-cse\"]', now())")) {
            insert.setString(1, Client.MN_CSE.clientId);
            insert.setString(2, Maf.ADMIN);
            insert.executeUpdate();
        }
        MafClients.as(Client.MN_CSE).get("/maf/mafClientRegs/" + id + "/mafClientCfg").then().statusCode(200)
                .body("'m2m:mafClientCfg'.fqdn", equalTo(MafTestEnvironment.MAF_FQDN))
                .body("'m2m:mafClientCfg'.httpPort", equalTo(8443))
                .body("'m2m:mafClientCfg'.mafKeyRegCfg.suid", equalTo(32))
                .body("'m2m:mafClientCfg'.mafKeyRegCfg.targetIDs[0]", equalTo("//my.m2mprovider.org/in-cse"))
                .body("'m2m:mafClientCfg'.expirationTime", nullValue());
    }
}
