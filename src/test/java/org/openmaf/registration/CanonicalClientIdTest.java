package org.openmaf.registration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openmaf.config.MafConfig;
import org.openmaf.testing.ConfiguredStakeholder;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract section 7: one canonical client ID rule for certificates, targetIDs and authorized-client patterns. The
 * SP-ID is lowercased; '.'/'..' segments, '%', '*', empty segments and whitespace are refused (4106 in a certificate,
 * 4000 in a request or the admin API), so no spelling of an ID can pass for another one or match a pattern it should not.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class CanonicalClientIdTest {

    @Inject
    StakeholderDirectory stakeholders;

    @Inject
    MafConfig config;

    @BeforeEach
    @AfterEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
        try (var db = TestDatabase.connect(); var statement = db.createStatement()) {
            statement.execute("delete from stakeholder where managed_by = 'admin'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> stakeholders.apply(config.stakeholders()));
    }

    /** A certificate naming //MY.M2MProvider.ORG/upper-ae is the client //my.m2mprovider.org/upper-ae. */
    @Test
    void anSpIdInCapitalsIsTheSameClientInCanonicalForm() {
        Maf.post(Client.UPPER_SP, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\"")).then()
                .statusCode(201).body("'m2m:mafClientReg'.mafClientID", equalTo(Client.UPPER_SP.clientId));
        MafClients.as(Client.UPPER_SP).header("X-M2M-Origin", "//MY.m2mprovider.ORG/upper-ae").get("/maf/symmKeyRegs/" + "AB".repeat(16))
                .then().statusCode(404).header("X-M2M-RSC", "4004");
    }

    @ParameterizedTest
    @EnumSource(value = Client.class, names = { "DOT_SEGMENTS", "PERCENT", "WILDCARD" })
    void certificatesNamingNoCanonicalIdAreNotAuthenticated(Client client) {
        Maf.post(client, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\"")).then()
                .statusCode(403).header("X-M2M-RSC", "4106");
    }

    /** A target given as //MY.M2MPROVIDER.ORG/in-cse is the IN-CSE, and it is served the key. */
    @Test
    void targetIdsAreCanonicalized() {
        Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
        String key = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of("//MY.M2MPROVIDER.ORG/in-cse")))
                .then().statusCode(201).body("'m2m:symmKeyReg'.targetIDs", contains(Client.IN_CSE.clientId))
                .extract().path("'m2m:symmKeyReg'.relativeKeyID");
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + key).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "//my.m2mprovider.org/x/../in-cse", "//my.m2mprovider.org/in%2Dcse", "//my.m2mprovider.org/*",
            "//my.m2mprovider.org/in cse", "//my.m2mprovider.org//in-cse" })
    void targetIdsThatAreNotCanonicalIdsAreRefused(String target) {
        Maf.register(Client.MN_CSE);
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(target))).then().statusCode(400)
                .header("X-M2M-RSC", "4000");
    }

    @ParameterizedTest
    @ValueSource(strings = { "//my_sp/*", "//sp.example/x/../*", "//sp.exa*", "*", "//sp.example/in%2D*", "//sp.example/a b*",
            "//sp.example//*", "//sp.example/x/.." })
    void authorizedClientPatternsFollowTheSameRule(String pattern) {
        MafClients.asAdmin(AdminTokens.admin()).contentType("application/json")
                .body("{\"adminFqdn\":\"canonical.example.org\",\"authorizedClients\":[\"" + pattern + "\"]}")
                .post("/admin/stakeholders").then().statusCode(400).header("X-M2M-RSC", "4000")
                .body("'m2m:dbg'", containsString("authorizedClients"));
    }

    @Test
    void authorizedClientPatternsAreStoredCanonical() {
        MafClients.asAdmin(AdminTokens.admin()).contentType("application/json")
                .body("{\"adminFqdn\":\"canonical.example.org\",\"authorizedClients\":[\"//SP.Example/*\",\"//SP.example/x\"]}")
                .post("/admin/stakeholders").then().statusCode(201)
                .body("authorizedClients", contains("//sp.example/*", "//sp.example/x"));
    }

    /** Configured patterns follow the same rule: stored canonical, and one that is no pattern stops the start-up. */
    @Test
    void configuredPatternsFollowTheSameRule() {
        Map<String, MafConfig.Stakeholder> configured = new LinkedHashMap<>(config.stakeholders());
        configured.put("configured.example.org", patterns("//Configured.Example.org/*"));
        QuarkusTransaction.requiringNew().run(() -> stakeholders.apply(configured));
        MafClients.asAdmin(AdminTokens.admin()).get("/admin/stakeholders/configured.example.org").then().statusCode(200)
                .body("authorizedClients", contains("//configured.example.org/*"));

        configured.put("configured.example.org", patterns("//my_sp/*"));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> stakeholders.apply(configured)))
                .hasMessageContaining("maf.stakeholders.\"configured.example.org\".authorized-clients");
    }

    private static MafConfig.Stakeholder patterns(String pattern) {
        return ConfiguredStakeholder.allowing(pattern);
    }
}
