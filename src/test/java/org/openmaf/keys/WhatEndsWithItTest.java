package org.openmaf.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.config.MafConfig;
import org.openmaf.testing.ConfiguredStakeholder;
import org.openmaf.wire.M2mTimestamp;
import org.openmaf.registration.StakeholderDirectory;
import org.openmaf.testing.AdjustableClock;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One rule per link of the chain behind a key (contract section 7), whichever path breaks it: removing the stakeholder
 * (admin API, configuration), ending the source's registration (de-registration, revocation), expiry. Afterwards the
 * target is refused the key over real mutual TLS, and no orphan row remains in the database.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class WhatEndsWithItTest {

    private static final String OTHER = "other.example.org";

    @Inject
    StakeholderDirectory stakeholders;

    @Inject
    MafConfig config;

    @Inject
    AdjustableClock clock;

    @Inject
    ExpiryPurge purge;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
        restoreConfiguredStakeholders();
    }

    @AfterEach
    void configuredStakeholdersOnly() {
        clock.reset();
        TestDatabase.clearProcedureData();
        restoreConfiguredStakeholders();
        try (var db = TestDatabase.connect(); var statement = db.createStatement()) {
            statement.execute("delete from stakeholder where managed_by = 'admin'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void removingAStakeholderThroughTheAdminApiEndsItsKeys() {
        MafClients.asAdmin(AdminTokens.admin()).contentType("application/json")
                .body("{\"adminFqdn\":\"" + OTHER + "\",\"authorizedClients\":[\"//" + TestPki.SP + "/*\"]}")
                .post("/admin/stakeholders").then().statusCode(201);
        String key = servedKeyFor(OTHER);
        String kept = servedKeyFor(Maf.ADMIN);
        attachConfigurationFor(OTHER);

        MafClients.asAdmin(AdminTokens.admin()).delete("/admin/stakeholders/" + OTHER).then().statusCode(204);

        assertNotServed(key);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + kept).then().statusCode(200);
        assertNothingLeftOf(OTHER);
    }

    @Test
    void removingAStakeholderFromConfigurationEndsItsKeys() {
        Map<String, MafConfig.Stakeholder> withOther = new LinkedHashMap<>(config.stakeholders());
        withOther.put(OTHER, stakeholder("//" + TestPki.SP + "/*"));
        QuarkusTransaction.requiringNew().run(() -> stakeholders.apply(withOther));
        String key = servedKeyFor(OTHER);
        String kept = servedKeyFor(Maf.ADMIN);
        attachConfigurationFor(OTHER);

        // The next start-up, with OTHER gone from the configuration.
        restoreConfiguredStakeholders();

        assertNotServed(key);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + kept).then().statusCode(200);
        assertNothingLeftOf(OTHER);
    }

    @Test
    void deRegisteringTheSourceEndsItsKeys() {
        String registration = registeredFor(Client.MN_CSE, Maf.ADMIN);
        registeredFor(Client.IN_CSE, Maf.ADMIN);
        String key = keyFor(Maf.ADMIN);

        MafClients.as(Client.MN_CSE).delete("/maf/mafClientRegs/" + registration).then().statusCode(200)
                .header("X-M2M-RSC", "2002");

        assertNotServed(key);
        assertThat(TestDatabase.count("key_registration")).isZero();
        assertThat(TestDatabase.count("key_target")).isZero();
        assertThat(TestDatabase.orphans()).isZero();
    }

    @Test
    void revokingTheSourcesRegistrationEndsItsKeys() {
        String registration = registeredFor(Client.MN_CSE, Maf.ADMIN);
        registeredFor(Client.IN_CSE, Maf.ADMIN);
        String key = keyFor(Maf.ADMIN);

        MafClients.asAdmin(AdminTokens.admin()).delete("/admin/client-registrations/" + registration).then().statusCode(200)
                .body("keys", equalTo(1));

        assertNotServed(key);
        assertThat(TestDatabase.count("key_registration")).isZero();
        assertThat(TestDatabase.count("key_target")).isZero();
        assertThat(TestDatabase.orphans()).isZero();
    }

    /** The source's registration expires before its key would: the key stops at once, and the purge leaves nothing. */
    @Test
    void theSourcesRegistrationExpiringEndsItsKeys() {
        Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"expirationTime\":\""
                + M2mTimestamp.format(Instant.now().plus(Duration.ofDays(1))) + "\"")).then().statusCode(201);
        registeredFor(Client.IN_CSE, Maf.ADMIN);
        String key = keyFor(Maf.ADMIN);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);

        clock.advance(Duration.ofDays(2)); // the key (P7D) is still valid; its source's registration is not

        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(404).header("X-M2M-RSC", "4004");
        MafClients.as(Client.MN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(404);
        purge.purge();
        assertThat(TestDatabase.countWhere("select count(*) from client_registration where client_id = '"
                + Client.MN_CSE.clientId + "'")).isZero();
        assertThat(TestDatabase.count("key_registration")).isZero();
        assertThat(TestDatabase.count("key_target")).isZero();
        assertThat(TestDatabase.orphans()).isZero();
        assertThat(TestDatabase.countWhere("select count(*) from audit_record where procedure_name = 'EXPIRY_PURGE'"
                + " and detail = '1 key registrations, 1 client registrations'")).isEqualTo(1);
    }

    /** MN-CSE registers a key for the stakeholder targeting IN-CSE, and IN-CSE is served it. */
    private static String servedKeyFor(String adminFqdn) {
        registeredFor(Client.MN_CSE, adminFqdn);
        registeredFor(Client.IN_CSE, adminFqdn);
        String key = keyFor(adminFqdn);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);
        return key;
    }

    private static String registeredFor(Client client, String adminFqdn) {
        return Maf.post(client, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + adminFqdn + "\""))
                .then().statusCode(201).extract().path("'m2m:mafClientReg'.mafClientRegID");
    }

    private static String keyFor(String adminFqdn) {
        return Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyReg("\"adminFQDN\":\"" + adminFqdn
                + "\",\"suid\":32,\"targetIDs\":[\"" + Client.IN_CSE.clientId + "\"]"))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
    }

    private static void attachConfigurationFor(String adminFqdn) {
        MafClients.asAdmin(AdminTokens.admin()).contentType("application/json")
                .body("{\"clientId\":\"" + Client.MN_CSE.clientId + "\",\"adminFqdn\":\"" + adminFqdn + "\",\"httpPort\":8443}")
                .put("/admin/client-configurations").then().statusCode(201);
    }

    private static void assertNotServed(String key) {
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(404).header("X-M2M-RSC", "4004");
        MafClients.as(Client.MN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(404).header("X-M2M-RSC", "4004");
    }

    private static void assertNothingLeftOf(String adminFqdn) {
        for (String table : List.of("stakeholder", "client_registration", "client_configuration", "key_registration")) {
            assertThat(TestDatabase.countWhere("select count(*) from " + table + " where admin_fqdn = '" + adminFqdn + "'"))
                    .as(table).isZero();
        }
        assertThat(TestDatabase.countWhere("select count(*) from key_registration where admin_fqdn = '" + Maf.ADMIN + "'"))
                .as("the other stakeholder's key").isEqualTo(1);
        assertThat(TestDatabase.count("key_target")).as("targets of the remaining key").isEqualTo(1);
        assertThat(TestDatabase.orphans()).isZero();
    }

    private void restoreConfiguredStakeholders() {
        QuarkusTransaction.requiringNew().run(() -> stakeholders.apply(config.stakeholders()));
    }

    private static MafConfig.Stakeholder stakeholder(String pattern) {
        return ConfiguredStakeholder.allowing(pattern);
    }
}
