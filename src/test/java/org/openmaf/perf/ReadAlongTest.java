package org.openmaf.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.keys.Suid;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;
import org.openmaf.testing.TestPki.ExtraClient;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A key retrieval's chain, and a key registration's source standing, are read by the statement that reads the caller
 * certificate's standing (org.openmaf.keys.RetrievalChainRead and RegistrationStandingRead, issue 12). What is read along
 * must be exactly the caller's: for a certificate an operator bound to a client, that client's; for a binding stored in
 * a non-canonical form, none (the procedure then reads it itself); and a certificate the standing refuses gets nothing
 * of it.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ReadAlongTest {

    private String key;

    @BeforeEach
    void aKeyForTheInCse() {
        TestDatabase.clearProcedureData();
        key = Maf.keyFromMnCseForInCse();
    }

    @Test
    void aCertificateBoundToTheTargetGetsTheKeyInOneStatement() throws Exception {
        whileBound("bound-to-in-cse", Client.IN_CSE.clientId, device -> {
            as(device).header("X-M2M-RI", "read-along-bound").get("/maf/symmKeyRegs/" + key).then().statusCode(200)
                    .body("'m2m:symmKeyReg'.keyValue", notNullValue());
            assertThat(statementsOf("read-along-bound")).singleElement()
                    .satisfies(sql -> assertThat(sql).contains("certificate_binding", "key_registration k"));
            // The device's own ID, which its certificate names, is not a target: the binding decides who it is.
            unbind(device);
            as(device).get("/maf/symmKeyRegs/" + key).then().statusCode(403).header("X-M2M-RSC", "4103")
                    .body(not(containsString("keyValue")));
        });
    }

    @Test
    void aBindingStoredNonCanonicalIsReadAgainByTheProcedure() throws Exception {
        // The joins read along use the stored form, which names no registration; the procedure reads the chain again
        // for the canonical ID.
        whileBound("bound-non-canonical", nonCanonical(Client.IN_CSE.clientId), device -> {
            as(device).header("X-M2M-RI", "read-along-legacy").get("/maf/symmKeyRegs/" + key).then().statusCode(200)
                    .body("'m2m:symmKeyReg'.keyValue", notNullValue());
            // The standing with the chain read along, the Km check of the canonical ID, the chain read again.
            List<String> own = statementsOf("read-along-legacy");
            assertThat(own).hasSize(3);
            assertThat(own.get(1)).contains("psk_credential");
            assertThat(own.get(2)).contains("from key_registration k").doesNotContain("certificate_binding");
        });
    }

    @Test
    void aCertificateBoundToTheSourceRegistersItsKeyWithTheSourcesStandingReadAlong() throws Exception {
        whileBound("bound-to-mn-cse", Client.MN_CSE.clientId, device -> {
            List<String> own = statementsOfKeyRegistration(device, "read-along-source");
            assertThat(own).hasSize(2);
            assertThat(own.get(0)).contains("certificate_binding", "client_registration r", "stakeholder s");
            assertThat(own.get(1)).contains("insert into key_registration");
            assertThat(TestDatabase.countWhere("select count(*) from key_registration where source_id = '"
                    + Client.MN_CSE.clientId + "'")).isEqualTo(2);
        });
    }

    @Test
    void aSourceBoundNonCanonicalHasItsStandingReadAgainByTheProcedure() throws Exception {
        // The joins read along follow the stored form, which names no registration: taken as the source's, they would
        // refuse it (4103). The procedure reads the standing again for the canonical ID, and registers the key.
        whileBound("source-bound-non-canonical", nonCanonical(Client.MN_CSE.clientId), device -> {
            // The standing with the registrations read along, the Km check of the canonical ID, the standing read
            // again, the insert.
            List<String> own = statementsOfKeyRegistration(device, "read-along-source-legacy");
            assertThat(own).hasSize(4);
            assertThat(own.get(2)).contains("from client_registration r join stakeholder s")
                    .doesNotContain("certificate_binding");
            assertThat(own.get(3)).contains("insert into key_registration");
        });
    }

    @Test
    void everyTargetComesBackInTheOrderItWasRegistered() throws Exception {
        // Targets not in sorted order, the caller among them (an ESData key: SAEF keys have one target): the one row
        // read along carries them as an array, in target order, and so does the chain the procedure reads itself (a
        // binding stored non-canonical).
        List<String> targets = List.of("//" + TestPki.SP + "/zz-last-by-name", Client.IN_CSE.clientId,
                "//" + TestPki.SP + "/aa-first-by-name");
        String key = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(Suid.ESDATA_ENCRYPTION, targets)).then().statusCode(201)
                .extract().path("'m2m:symmKeyReg'.relativeKeyID");
        ExecutedStatements.clear();
        MafClients.as(Client.IN_CSE).header("X-M2M-RI", "read-along-targets").get("/maf/symmKeyRegs/" + key).then()
                .statusCode(200).body("'m2m:symmKeyReg'.targetIDs", contains(targets.toArray()))
                .body("'m2m:symmKeyReg'.keyValue", notNullValue());
        assertThat(statementsOf("read-along-targets")).singleElement()
                .satisfies(sql -> assertThat(sql).contains("certificate_binding", "key_target"));

        whileBound("bound-non-canonical-targets", nonCanonical(Client.IN_CSE.clientId), device -> {
            as(device).get("/maf/symmKeyRegs/" + key).then().statusCode(200)
                    .body("'m2m:symmKeyReg'.targetIDs", contains(targets.toArray()));
        });
    }

    @Test
    void aBlockedTargetCertificateGetsNoKey() throws Exception {
        ExtraClient device = device("blocked-target");
        bind(device, Client.IN_CSE.clientId);
        execute("insert into blocked_certificate (fingerprint_sha256, blocked_at, blocked_by) values ('"
                + device.fingerprint() + "', current_timestamp, 'ReadAlongTest')");
        try {
            as(device).get("/maf/symmKeyRegs/" + key).then().statusCode(403).header("X-M2M-RSC", "4106")
                    .body(not(containsString("keyValue")));
        } finally {
            execute("delete from blocked_certificate where fingerprint_sha256 = '" + device.fingerprint() + "'");
            unbind(device);
        }
    }

    private static ExtraClient device(String name) throws Exception {
        return TestPki.issueClient(name, Files.createDirectories(TestPki.DIR.resolve("read-along")));
    }

    private static RequestSpecification as(ExtraClient device) {
        return MafClients.withKeyStore(device.pkcs12(), MafClients.port());
    }

    /** A new device certificate that an operator bound to {@code clientId}, for as long as {@code checks} run. */
    private static void whileBound(String deviceName, String clientId, BoundChecks checks) throws Exception {
        ExtraClient device = device(deviceName);
        bind(device, clientId);
        try {
            ExecutedStatements.clear();
            checks.run(device);
        } finally {
            unbind(device);
        }
    }

    @FunctionalInterface
    private interface BoundChecks {
        void run(ExtraClient device) throws Exception;
    }

    /** The ID as a binding stored before IDs were canonical would hold it: the SP-ID in upper case. */
    private static String nonCanonical(String clientId) {
        return clientId.replace(TestPki.SP, TestPki.SP.toUpperCase());
    }

    private static void bind(ExtraClient device, String clientId) throws SQLException {
        execute("insert into certificate_binding (fingerprint_sha256, client_id, created_at, created_by) values ('"
                + device.fingerprint() + "', '" + clientId + "', current_timestamp, 'ReadAlongTest')");
    }

    private static void unbind(ExtraClient device) throws SQLException {
        execute("delete from certificate_binding where fingerprint_sha256 = '" + device.fingerprint() + "'");
    }

    private static void execute(String sql) throws SQLException {
        try (var db = TestDatabase.connect(); var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The statements of a key registration by {@code device} for the IN-CSE, which the MAF answers 2001. */
    private static List<String> statementsOfKeyRegistration(ExtraClient device, String requestId) {
        ExecutedStatements.clear();
        as(device).header("X-M2M-RI", requestId).contentType("application/json")
                .body(Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId))).post("/maf/symmKeyRegs").then()
                .statusCode(201).header("X-M2M-RSC", "2001");
        return statementsOf(requestId);
    }

    private static List<String> statementsOf(String requestId) {
        return ExecutedStatements.all().stream().filter(executed -> executed.owner().equals(requestId))
                .map(executed -> executed.sql().strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
