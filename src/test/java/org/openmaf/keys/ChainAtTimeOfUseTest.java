package org.openmaf.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdjustableClock;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;
import org.openmaf.wire.M2mTimestamp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Contract section 7: a key is served, updated or re-targeted only while the whole chain behind it holds at that
 * moment (its source's registration, the stakeholder and its authorization of source and caller); a connection's
 * exporter yields one key, ever; a source holds at most max-keys-per-client keys; target IDs and labels have at most
 * 255 characters. Over real mutual TLS against PostgreSQL.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ChainAtTimeOfUseTest {

    private static final String OTHER = "chain.example.org";
    private static final String MN = Client.MN_CSE.clientId;
    private static final String IN = Client.IN_CSE.clientId;

    @Inject
    AdjustableClock clock;

    @Inject
    ExpiryPurge purge;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
        deleteAdminStakeholders();
    }

    @AfterEach
    void realTime() {
        clock.reset();
        TestDatabase.clearProcedureData();
        deleteAdminStakeholders();
    }

    /** The first finding: the key outlived its source's registration, and could be re-targeted. */
    @Test
    void theSourcesRegistrationCapsItsKeyAndItsExpiryEndsTheKey() {
        String registrationExpiry = Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN
                + "\",\"expirationTime\":\"" + M2mTimestamp.format(Instant.now().plus(Duration.ofDays(1))) + "\""))
                .then().statusCode(201).extract().path("'m2m:mafClientReg'.expirationTime");
        register(Client.IN_CSE, Maf.ADMIN);
        Response created = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(IN)));
        created.then().statusCode(201).body("'m2m:symmKeyReg'.expirationTime", equalTo(registrationExpiry));
        String key = created.path("'m2m:symmKeyReg'.relativeKeyID");
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);

        clock.advance(Duration.ofDays(2)); // the key's P7D cap has not passed; its source's registration has

        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(404).header("X-M2M-RSC", "4004");
        retarget(Client.MN_CSE, key, Client.AE.clientId).then().statusCode(404).header("X-M2M-RSC", "4004");
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(IN))).then().statusCode(403)
                .header("X-M2M-RSC", "4103").body("'m2m:dbg'", containsString("register first"));
    }

    /** A registration update that shortens the registration shortens its keys from their next use on. */
    @Test
    void shorteningTheSourcesRegistrationShortensItsKeys() {
        String registration = register(Client.MN_CSE, Maf.ADMIN);
        register(Client.IN_CSE, Maf.ADMIN);
        String key = key(Client.MN_CSE, Maf.ADMIN, IN);
        String shorter = M2mTimestamp.format(Instant.now().plus(Duration.ofDays(1)));
        MafClients.as(Client.MN_CSE).contentType("application/json")
                .body(Maf.clientReg("\"expirationTime\":\"" + shorter + "\"")).put("/maf/mafClientRegs/" + registration)
                .then().statusCode(200);

        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200)
                .body("'m2m:symmKeyReg'.expirationTime", equalTo(shorter));
        assertThat(TestDatabase.countWhere("select count(*) from key_registration k join client_registration r"
                + " on r.client_id = k.source_id and r.admin_fqdn = k.admin_fqdn where k.expiration_time > r.expiration_time"))
                .isZero();
        clock.advance(Duration.ofDays(2));
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(404).header("X-M2M-RSC", "4004");
    }

    /** The operator narrows authorizedClients so that the source is left out: no new keys, old ones no longer served. */
    @Test
    void aPatternThatNoLongerMatchesTheSourceStopsItsKeys() {
        createStakeholder("\"authorizedClients\":[\"" + MN + "\",\"" + IN + "\"]");
        register(Client.MN_CSE, OTHER);
        register(Client.IN_CSE, OTHER);
        String key = key(Client.MN_CSE, OTHER, IN);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);

        changeStakeholder("\"authorizedClients\":[\"" + IN + "\"]");

        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(OTHER, IN)).then().statusCode(403).header("X-M2M-RSC", "4103")
                .body("'m2m:dbg'", containsString("no longer authorized"));
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(403).header("X-M2M-RSC", "4103")
                .body("'m2m:dbg'", containsString("no longer authorized"));
        retarget(Client.MN_CSE, key, Client.AE.clientId).then().statusCode(403).header("X-M2M-RSC", "4103");
        // Withdrawing a key extends no one's trust: the source may still de-register it.
        MafClients.as(Client.MN_CSE).delete("/maf/symmKeyRegs/" + key).then().statusCode(200).header("X-M2M-RSC", "2002");
    }

    /** The operator narrows authorizedClients so that the target is left out: it is no longer served the key. */
    @Test
    void aPatternThatNoLongerMatchesTheTargetStopsItsRetrievals() {
        createStakeholder("\"authorizedClients\":[\"" + MN + "\",\"" + IN + "\"]");
        register(Client.MN_CSE, OTHER);
        register(Client.IN_CSE, OTHER);
        String key = key(Client.MN_CSE, OTHER, IN);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);

        changeStakeholder("\"authorizedClients\":[\"" + MN + "\"]");

        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(403).header("X-M2M-RSC", "4103")
                .body("'m2m:dbg'", containsString(IN + " is no longer authorized"));
        MafClients.as(Client.MN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(OTHER, IN)).then().statusCode(201);

        changeStakeholder("\"authorizedClients\":[\"//" + "MY.M2MProvider.org/*\"]"); // canonical: matches both again
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);
    }

    /** The stakeholder goes through the admin API: its keys are neither served, re-targeted nor registered anew. */
    @Test
    void aStakeholderRemovedThroughTheAdminApiEndsEveryKeyOperation() {
        createStakeholder("\"authorizedClients\":[\"//my.m2mprovider.org/*\"]");
        register(Client.MN_CSE, OTHER);
        register(Client.IN_CSE, OTHER);
        String key = key(Client.MN_CSE, OTHER, IN);

        MafClients.asAdmin(AdminTokens.admin()).delete("/admin/stakeholders/" + OTHER).then().statusCode(204);

        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(404).header("X-M2M-RSC", "4004");
        retarget(Client.MN_CSE, key, Client.AE.clientId).then().statusCode(404).header("X-M2M-RSC", "4004");
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(OTHER, IN)).then().statusCode(403).header("X-M2M-RSC", "4103")
                .body("'m2m:dbg'", containsString("serves no administrating stakeholder"));
    }

    /** The resurrection: de-register (or have revoked) the exporter key, register again on the same connection. */
    @Test
    void aConnectionsKeyNeverComesBack() throws Exception {
        register(Client.MN_CSE, Maf.ADMIN);
        register(Client.IN_CSE, Maf.ADMIN);
        String body = Maf.keyRegFor(32, List.of(IN));
        try (RawHttps connection = RawHttps.open(RawHttps.context(Client.MN_CSE))) {
            String kcId = connection.relativeKeyIdOfThisConnection();
            assertThat(connection.exchange("POST", "/maf/symmKeyRegs", body)).isEqualTo(201);
            assertThat(connection.exchange("DELETE", "/maf/symmKeyRegs/" + kcId, null)).isEqualTo(200);
            MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + kcId).then().statusCode(404);

            assertThat(connection.exchange("POST", "/maf/symmKeyRegs", body)).isEqualTo(409);
            assertThat(connection.lastRsc()).isEqualTo("4105");
            MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + kcId).then().statusCode(404);
        }
        try (RawHttps connection = RawHttps.open(RawHttps.context(Client.MN_CSE))) {
            String kcId = connection.relativeKeyIdOfThisConnection();
            assertThat(connection.exchange("POST", "/maf/symmKeyRegs", body)).isEqualTo(201);
            MafClients.asAdmin(AdminTokens.admin()).delete("/admin/key-registrations/" + kcId).then().statusCode(200);

            assertThat(connection.exchange("POST", "/maf/symmKeyRegs", body)).isEqualTo(409);
            assertThat(connection.lastRsc()).isEqualTo("4105");
            assertThat(TestDatabase.countWhere("select count(*) from used_kcid where relative_key_id = '" + kcId + "'"))
                    .isEqualTo(1);
        }
        assertThat(TestDatabase.count("key_registration")).isZero();
        clock.advance(Duration.ofDays(8)); // past the keys' would-be expiry (P7D): the tombstones go with the purge
        purge.purge();
        assertThat(TestDatabase.count("used_kcid")).isZero();
    }

    @Test
    void maxKeysPerClientLimitsEachSourcesValidKeys() {
        createStakeholder("\"authorizedClients\":[\"//my.m2mprovider.org/*\"],\"maxKeysPerClient\":2");
        register(Client.MN_CSE, OTHER);
        register(Client.AE, OTHER);
        register(Client.IN_CSE, OTHER);
        String first = key(Client.MN_CSE, OTHER, IN);
        key(Client.MN_CSE, OTHER, IN);

        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(OTHER, IN)).then().statusCode(400).header("X-M2M-RSC", "4000")
                .body("'m2m:dbg'", containsString("max-keys-per-client = 2"));
        key(Client.AE, OTHER, IN); // per source

        MafClients.as(Client.MN_CSE).delete("/maf/symmKeyRegs/" + first).then().statusCode(200);
        key(Client.MN_CSE, OTHER, IN);
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(OTHER, IN)).then().statusCode(400);
        changeStakeholder("\"maxKeysPerClient\":3").then().body("maxKeysPerClient", equalTo(3));
        key(Client.MN_CSE, OTHER, IN);
        assertThat(TestDatabase.countWhere("select count(*) from key_registration where source_id = '" + MN + "'")).isEqualTo(3);

        // Configured stakeholders get the default; the admin API refuses quotas out of range.
        MafClients.asAdmin(AdminTokens.admin()).get("/admin/stakeholders/" + Maf.ADMIN).then().statusCode(200)
                .body("maxKeysPerClient", equalTo(1000));
        changeStakeholder("\"maxKeysPerClient\":0").then().statusCode(400).header("X-M2M-RSC", "4000")
                .body("'m2m:dbg'", containsString("maxKeysPerClient"));
    }

    /**
     * A source registered with two stakeholders: each key is registered under the one its request names, with that
     * stakeholder's lifetime and quota, and only while the source's registration with that one holds. (The source's
     * registrations are read along with its certificate, all of them, before the body names one: RegistrationStandingRead.)
     */
    @Test
    void aSourceOfTwoStakeholdersRegistersEachKeyUnderTheOneItNames() {
        createStakeholder("\"authorizedClients\":[\"" + MN + "\"],\"maxKeyLifetime\":\"PT1H\",\"maxKeysPerClient\":1");
        register(Client.MN_CSE, Maf.ADMIN);
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + OTHER + "\",\"expirationTime\":\""
                + M2mTimestamp.format(Instant.now().plus(Duration.ofDays(1))) + "\"")).then().statusCode(201);
        String inThreeDays = M2mTimestamp.format(Instant.now().plus(Duration.ofDays(3)));

        Instant otherKeyExpiry = M2mTimestamp.parseOrThrow(Maf.post(Client.MN_CSE, "/maf/symmKeyRegs",
                keyRegFor(OTHER, IN, inThreeDays)).then().statusCode(201).extract().path("'m2m:symmKeyReg'.expirationTime"));
        assertThat(otherKeyExpiry).as("capped by %s's PT1H", OTHER)
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(OTHER, IN, inThreeDays)).then().statusCode(400)
                .header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("max-keys-per-client = 1"));
        for (int i = 0; i < 2; i++) { // Maf.ADMIN's P7D does not cap three days, nor its quota of 1,000 a second key
            Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(Maf.ADMIN, IN, inThreeDays)).then().statusCode(201)
                    .body("'m2m:symmKeyReg'.expirationTime", equalTo(inThreeDays));
        }

        clock.advance(Duration.ofDays(2)); // the source's registration with OTHER has ended; the one with Maf.ADMIN holds
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(OTHER, IN, inThreeDays)).then().statusCode(403)
                .header("X-M2M-RSC", "4103").body("'m2m:dbg'", containsString("register first"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(Maf.ADMIN, IN, inThreeDays)).then().statusCode(201);
    }

    @Test
    void targetIdsAndLabelsHaveAtMost255Characters() {
        register(Client.MN_CSE, Maf.ADMIN);
        String prefix = "//my.m2mprovider.org/";
        String target255 = prefix + "t".repeat(255 - prefix.length());
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(34, List.of(IN, target255))).then().statusCode(201);
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(34, List.of(IN, target255 + "t"))).then().statusCode(400)
                .header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("at most 255 characters"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", labelled("l".repeat(255))).then().statusCode(201);
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", labelled("l".repeat(256))).then().statusCode(400)
                .header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("at most 255 characters"));
        String key = key(Client.MN_CSE, Maf.ADMIN, IN);
        retarget(Client.MN_CSE, key, target255 + "t").then().statusCode(400).header("X-M2M-RSC", "4000");
    }

    private static String labelled(String label) {
        return Maf.keyReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"suid\":32,\"targetIDs\":[\"" + IN + "\"],\"labels\":[\""
                + label + "\"]");
    }

    private static String keyRegFor(String adminFqdn, String target) {
        return Maf.keyReg("\"adminFQDN\":\"" + adminFqdn + "\",\"suid\":32,\"targetIDs\":[\"" + target + "\"]");
    }

    private static String keyRegFor(String adminFqdn, String target, String expirationTime) {
        return Maf.keyReg("\"adminFQDN\":\"" + adminFqdn + "\",\"suid\":32,\"targetIDs\":[\"" + target
                + "\"],\"expirationTime\":\"" + expirationTime + "\"");
    }

    private static String register(Client client, String adminFqdn) {
        return Maf.post(client, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + adminFqdn + "\""))
                .then().statusCode(201).extract().path("'m2m:mafClientReg'.mafClientRegID");
    }

    private static String key(Client source, String adminFqdn, String target) {
        return Maf.post(source, "/maf/symmKeyRegs", keyRegFor(adminFqdn, target))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
    }

    private static Response retarget(Client client, String key, String target) {
        return MafClients.as(client).contentType("application/json").body(Maf.keyReg("\"targetIDs\":[\"" + target + "\"]"))
                .put("/maf/symmKeyRegs/" + key);
    }

    private static void createStakeholder(String fields) {
        MafClients.asAdmin(AdminTokens.admin()).contentType("application/json")
                .body("{\"adminFqdn\":\"" + OTHER + "\"," + fields + "}").post("/admin/stakeholders").then().statusCode(201);
    }

    private static Response changeStakeholder(String fields) {
        return MafClients.asAdmin(AdminTokens.admin()).contentType("application/json").body("{" + fields + "}")
                .put("/admin/stakeholders/" + OTHER);
    }

    private static void deleteAdminStakeholders() {
        try (var db = TestDatabase.connect(); var statement = db.createStatement()) {
            statement.execute("delete from stakeholder where managed_by = 'admin'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
