package org.openmaf.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmaf.testing.AdjustableClock;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.OpenSsl;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;
import org.openmaf.wire.ConnectionKeys;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * TS-0003 8.8.2.7 to 8.8.2.10, and the seed flow of TR Annex A.4 / TS-0003 8.2.2.3: an MN-CSE and an IN-CSE that never
 * shared a secret end up holding the same Kc.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class KeyProcedureTest {

    private static final String IN_CSE = Client.IN_CSE.clientId;

    @Inject
    AdjustableClock clock;

    @Inject
    ExpiryPurge purge;

    @BeforeEach
    void bothClientsRegistered() {
        TestDatabase.clearProcedureData();
        Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Key registration over OpenSSL: the MAF's RelativeKeyID and Kc are OpenSSL's own exporter output. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "TLS 1.2 ECDHE-ECDSA-AES128-SHA256, -tls1_2 -cipher ECDHE-ECDSA-AES128-SHA256", "TLS 1.3, -tls1_3" })
    void seedFlowTheInCseRetrievesTheKeyTheMnCseDerivedItself(String name, String versionOptions) throws Exception {
        OpenSsl.Result mn = registerKeyWithOpenSsl(Client.MN_CSE, versionOptions, Maf.keyRegFor(32, List.of(IN_CSE)));
        String material = mn.keyingMaterial();
        String kcId = material.substring(0, 32);
        String kc = material.substring(32);

        assertThat(mn.output()).contains("HTTP/1.1 201").contains("X-M2M-RSC: 2001").doesNotContain("keyValue");
        assertThat(mn.httpBody()).contains("\"relativeKeyID\":\"" + kcId + "\"")
                .contains("\"keyIdentifier\":\"" + kcId + "@" + MafTestEnvironment.MAF_FQDN + "\"");

        String keyValue = MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + kcId + "@" + MafTestEnvironment.MAF_FQDN)
                .then().statusCode(200).header("X-M2M-RSC", "2000")
                .body("'m2m:symmKeyReg'.sourceID", equalTo(Client.MN_CSE.clientId))
                .body("'m2m:symmKeyReg'.suid", equalTo(32))
                .body("'m2m:symmKeyReg'.adminFQDN", equalTo(Maf.ADMIN))
                .extract().path("'m2m:symmKeyReg'.keyValue");
        assertThat(HexFormat.of().withUpperCase().formatHex(Base64.getDecoder().decode(keyValue))).isEqualTo(kc);
        // either case, either form
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + kcId.toLowerCase()).then().statusCode(200);
    }

    @Test
    void aSecondKeyRegistrationOnTheSameConnectionIsAConflict() throws Exception {
        String body = Maf.keyRegFor(32, List.of(IN_CSE));
        String keepAlive = OpenSsl.httpRequest("POST", "/maf/symmKeyRegs", body).replace("Connection: close\r\n", "");
        OpenSsl.Result twice = OpenSsl.sClient(Client.MN_CSE, List.of("-tls1_3"),
                keepAlive + OpenSsl.httpRequest("POST", "/maf/symmKeyRegs", body));
        assertThat(twice.output()).contains("HTTP/1.1 201").contains("HTTP/1.1 409").contains("X-M2M-RSC: 4105")
                .contains("Open a new TLS connection");
    }

    @Test
    void concurrentRegistrationsNeverShareAnIdNorFail() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                statuses.add(pool.submit(() -> {
                    var response = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(IN_CSE)));
                    ids.add(response.path("'m2m:symmKeyReg'.relativeKeyID"));
                    return response.statusCode();
                }));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        }
        assertThat(ids).hasSize(24);
    }

    @Test
    void aSelfGeneratedKeyIsStoredAndServedToTheTarget() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String id = Maf.post(Client.AE, "/maf/symmKeyRegs", Maf.keyReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"suid\":34,"
                + "\"targetIDs\":[\"" + IN_CSE + "\",\"//my.m2mprovider.org/other\"],\"keyValue\":\""
                + Base64.getEncoder().encodeToString(key) + "\""))
                .then().statusCode(403).header("X-M2M-RSC", "4103").extract().path("'m2m:dbg'");
        assertThat(id).contains("register first");
        Maf.register(Client.AE);
        String relative = Maf.post(Client.AE, "/maf/symmKeyRegs", Maf.keyReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"suid\":34,"
                + "\"targetIDs\":[\"" + IN_CSE + "\",\"//my.m2mprovider.org/other\"],\"keyValue\":\""
                + Base64.getEncoder().encodeToString(key) + "\""))
                .then().statusCode(201).body("'m2m:symmKeyReg'", not(hasKey("keyValue")))
                .extract().path("'m2m:symmKeyReg'.relativeKeyID");
        assertThat(relative).matches("[0-9A-F]{32}");
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + relative).then().statusCode(200)
                .body("'m2m:symmKeyReg'.keyValue", equalTo(Base64.getEncoder().encodeToString(key)));
    }

    @Test
    void onlyTargetsGetTheKeyAndOnlyTheSourceChangesIt() {
        String id = registeredKey();
        // The AE is registered but not a target: 4103.
        Maf.register(Client.AE);
        MafClients.as(Client.AE).get("/maf/symmKeyRegs/" + id).then().statusCode(403).header("X-M2M-RSC", "4103");
        // The source sees its metadata but never the key.
        MafClients.as(Client.MN_CSE).get("/maf/symmKeyRegs/" + id).then().statusCode(200)
                .body("'m2m:symmKeyReg'", not(hasKey("keyValue")));
        // Update and de-registration: source only.
        MafClients.as(Client.IN_CSE).contentType("application/json").body(Maf.keyReg("\"labels\":[\"x\"]"))
                .put("/maf/symmKeyRegs/" + id).then().statusCode(403).header("X-M2M-RSC", "4103");
        MafClients.as(Client.IN_CSE).delete("/maf/symmKeyRegs/" + id).then().statusCode(403).header("X-M2M-RSC", "4103");
        MafClients.as(Client.MN_CSE).contentType("application/json").body(Maf.keyReg("\"targetIDs\":[\"" + Client.AE.clientId + "\"]"))
                .put("/maf/symmKeyRegs/" + id).then().statusCode(200).header("X-M2M-RSC", "2004")
                .body("'m2m:symmKeyReg'.targetIDs[0]", equalTo(Client.AE.clientId))
                .body("'m2m:symmKeyReg'", not(hasKey("labels")));
        MafClients.as(Client.AE).get("/maf/symmKeyRegs/" + id).then().statusCode(200);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + id).then().statusCode(403);
        MafClients.as(Client.MN_CSE).delete("/maf/symmKeyRegs/" + id).then().statusCode(200).header("X-M2M-RSC", "2002");
        MafClients.as(Client.AE).get("/maf/symmKeyRegs/" + id).then().statusCode(404).header("X-M2M-RSC", "4004");
    }

    @Test
    void aTargetWithoutARegistrationIsRefused() {
        String id = registeredKey();
        TestDatabase.clearRegistrationOf(IN_CSE);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + id).then().statusCode(403).header("X-M2M-RSC", "4103")
                .body("'m2m:dbg'", containsString("no valid registration"));
    }

    @Test
    void theOriginHeaderCannotImpersonateATarget() {
        String id = registeredKey();
        MafClients.as(Client.AE).header("X-M2M-Origin", IN_CSE).get("/maf/symmKeyRegs/" + id)
                .then().statusCode(403).header("X-M2M-RSC", "4103");
    }

    @Test
    void suidAndTargetRules() {
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(12, List.of(IN_CSE)))
                .then().statusCode(400).header("X-M2M-RSC", "4000").body("'m2m:dbg'", containsString("32 (SAEF), 33 (ESPrim)"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(IN_CSE, "//my.m2mprovider.org/b")))
                .then().statusCode(400).body("'m2m:dbg'", containsString("exactly one"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(33, List.of()))
                .then().statusCode(400).body("'m2m:dbg'", containsString("exactly one"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(35, List.of()))
                .then().statusCode(400).body("'m2m:dbg'", containsString("at least one"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(35, List.of(IN_CSE, "//my.m2mprovider.org/b")))
                .then().statusCode(201);
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(34, List.of("in-cse")))
                .then().statusCode(400).body("'m2m:dbg'", containsString("Absolute"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(34, List.of("//my_sp/in-cse"))) // the admin API refuses it too
                .then().statusCode(400).body("'m2m:dbg'", containsString("Absolute"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"suid\":\"32\",\"targetIDs\":[\"" + IN_CSE + "\"]"))
                .then().statusCode(400).body("'m2m:dbg'", containsString("suid: expected an integer"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"suid\":32,\"targetIDs\":[\""
                + IN_CSE + "\"],\"mafFQDN\":\"elsewhere.example\"")).then().statusCode(400).body("'m2m:dbg'", containsString("mafFQDN"));
        Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"suid\":32,\"targetIDs\":[\""
                + IN_CSE + "\"],\"keyValue\":\"c2hvcnQ=\"")).then().statusCode(400).body("'m2m:dbg'", containsString("16 to 64 bytes"));
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/not-a-key").then().statusCode(400).header("X-M2M-RSC", "4000");
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + "AB".repeat(16) + "@other.maf").then().statusCode(404);
    }

    @Test
    void anExpiredKeyIsNotFoundAndThePurgeDeletesIt() throws Exception {
        String id = registeredKey();
        clock.advance(Duration.ofDays(7).plusSeconds(1)); // the stakeholder's P7D cap
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + id).then().statusCode(404).header("X-M2M-RSC", "4004");
        MafClients.as(Client.MN_CSE).delete("/maf/symmKeyRegs/" + id).then().statusCode(404);
        assertThat(TestDatabase.count("key_registration")).isEqualTo(1);
        purge.purge();
        assertThat(TestDatabase.count("key_registration")).isZero();
    }

    @Test
    void deRegisteringTheSourceStopsItsKeys() {
        String id = registeredKey();
        String registration = MafClients.as(Client.MN_CSE).contentType("application/json")
                .body(Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\"")).post("/maf/mafClientRegs")
                .then().statusCode(409).extract().path("'m2m:dbg'");
        String regId = registration.replaceAll(".*/maf/mafClientRegs/([^;]+);.*", "$1");
        MafClients.as(Client.MN_CSE).delete("/maf/mafClientRegs/" + regId).then().statusCode(200);
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + id).then().statusCode(404);
    }

    @Test
    void keyValuesAreEncryptedAtRest() throws Exception {
        OpenSsl.Result mn = registerKeyWithOpenSsl(Client.MN_CSE, "-tls1_3", Maf.keyRegFor(32, List.of(IN_CSE)));
        byte[] kc = HexFormat.of().parseHex(mn.keyingMaterial().substring(32));
        try (var db = TestDatabase.connect(); var rows = db.createStatement().executeQuery("select * from key_registration")) {
            assertThat(rows.next()).isTrue();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                byte[] stored = rows.getBytes(column);
                if (stored != null) {
                    assertThat(indexOf(stored, kc)).as(rows.getMetaData().getColumnName(column)).isNegative();
                    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .doesNotContainIgnoringCase(HexFormat.of().formatHex(kc))
                            .doesNotContain(Base64.getEncoder().encodeToString(kc));
                }
            }
            assertThat(rows.getString("kek_id")).isEqualTo("test-k1");
            assertThat(rows.getBytes("key_ciphertext")).hasSize(32 + 16);
        }
    }

    @Test
    void keysSealedUnderARetiredKekStayRetrievable() throws Exception {
        byte[] kc = new byte[32];
        new java.security.SecureRandom().nextBytes(kc);
        String relative = "C0FFEE" + "00".repeat(13);
        var retired = new org.openmaf.crypto.KeyEncryption(TestConfigs.kekOnly("test-k0", MafTestEnvironment.RETIRED_TEST_KEK));
        var sealed = retired.seal(kc, relative);
        TestDatabase.insertKey(relative, Client.MN_CSE.clientId, Maf.ADMIN, IN_CSE, sealed.kekId(), sealed.nonce(), sealed.ciphertext());
        MafClients.as(Client.IN_CSE).get("/maf/symmKeyRegs/" + relative).then().statusCode(200)
                .body("'m2m:symmKeyReg'.keyValue", equalTo(Base64.getEncoder().encodeToString(kc)));
    }

    private String registeredKey() {
        return Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(IN_CSE)))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
    }

    static OpenSsl.Result registerKeyWithOpenSsl(Client client, String versionOptions, String body) throws Exception {
        List<String> options = new ArrayList<>(List.of(versionOptions.split(" ")));
        options.addAll(List.of("-keymatexport", ConnectionKeys.EXPORTER_LABEL, "-keymatexportlen", "48"));
        return OpenSsl.sClient(client, options, OpenSsl.httpRequest("POST", "/maf/symmKeyRegs", body));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
