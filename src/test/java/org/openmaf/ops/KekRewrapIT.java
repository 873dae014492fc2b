package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.client.KeyRegistrationRequest;
import org.openmaf.client.MafClient;
import org.openmaf.client.MafClientSettings;
import org.openmaf.client.RegisteredKey;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;

/**
 * KEK rotation end to end on the packaged MAF (README, 'Production'): keys registered under KEK test-k1; a restart with
 * k2 current and test-k1 previous; POST /admin/kek/rewrap; a restart with k2 alone, and every key is still retrieved
 * over mutual TLS with the Kc its source derived from its own connection's exporter.
 */
class KekRewrapIT {

    private static final String DATABASE = "kek_rewrap";
    private static final int KEYS = 5;
    private static final String K2 = randomKek();

    private static String jdbcUrl;
    private static int port;

    @BeforeAll
    static void freshDatabase() throws Exception {
        jdbcUrl = TestDatabase.recreate(DATABASE);
        port = MafProcess.freePort();
        AdminTokens.ensure();
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.drop(DATABASE);
    }

    @Test
    void rotateRewrapAndRemoveThePreviousKek() throws Exception {
        Map<String, byte[]> registered = new LinkedHashMap<>();
        try (MafProcess underK1 = start(settings(MafTestEnvironment.TEST_KEK, "test-k1"))) {
            MafClient source = client(Client.MN_CSE);
            client(Client.IN_CSE).register(MafTestEnvironment.ADMIN_FQDN, null, null);
            source.register(MafTestEnvironment.ADMIN_FQDN, null, null);
            for (int i = 0; i < KEYS; i++) {
                RegisteredKey key = source.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN,
                        Client.IN_CSE.clientId));
                registered.put(key.relativeKeyId(), key.psk());
            }
        }
        assertThat(count("select count(*) from key_registration where kek_id = 'test-k1'")).isEqualTo(KEYS);

        Map<String, String> rotated = settings(K2, "k2");
        rotated.put("maf.crypto.previous-keks.\"test-k1\"", MafTestEnvironment.TEST_KEK);
        try (MafProcess rotating = start(rotated)) {
            RestAssured.given().baseUri("https://localhost:" + port).config(RestAssuredConfig.config()
                    .sslConfig(SSLConfig.sslConfig().trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)))
                    .header("Authorization", "Bearer " + AdminTokens.auditor()).post("/admin/kek/rewrap")
                    .then().statusCode(403);
            RestAssured.given().baseUri("https://localhost:" + port).config(RestAssuredConfig.config()
                    .sslConfig(SSLConfig.sslConfig().trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)))
                    .header("Authorization", "Bearer " + AdminTokens.admin()).post("/admin/kek/rewrap")
                    .then().statusCode(200).header("X-M2M-RSC", "2004")
                    .body("currentKekId", org.hamcrest.Matchers.equalTo("k2"))
                    .body("rewrapped", org.hamcrest.Matchers.equalTo(KEYS))
                    .body("alreadyCurrent", org.hamcrest.Matchers.equalTo(0))
                    .body("unreadable", org.hamcrest.Matchers.equalTo(0));
            assertThat(rotating.output()).doesNotContain(K2).doesNotContain(MafTestEnvironment.TEST_KEK);
        }
        assertThat(count("select count(*) from key_registration where kek_id <> 'k2'")).isZero();
        assertThat(count("select count(*) from kek_canary where kek_id = 'k2'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_record where procedure_name = 'ADMIN_KEK_REWRAP'"
                + " and actor = '" + AdminTokens.ADMIN_SUBJECT + "'")).isEqualTo(1);

        try (MafProcess k2Only = start(settings(K2, "k2"))) {
            MafClient target = client(Client.IN_CSE);
            for (var key : registered.entrySet()) {
                assertThat(target.retrieveKey(key.getKey()).key()).as("Kc of %s", key.getKey()).isEqualTo(key.getValue());
            }
            assertThat(k2Only.output()).contains("KEK canary opens under KEK 'k2'");
        }
    }

    private static MafProcess start(Map<String, String> settings) throws Exception {
        MafProcess maf = MafProcess.maf(settings);
        maf.awaitLine("Listening on", 120);
        maf.keepReading();
        return maf;
    }

    private static Map<String, String> settings(String kek, String kekId) {
        Map<String, String> settings = MafProcess.testSettings(port, jdbcUrl, TestDatabase.USER);
        settings.put("maf.crypto.kek", kek);
        settings.put("maf.crypto.kek-id", kekId);
        settings.remove("maf.crypto.previous-keks.\"test-k0\"");
        settings.put("mp.jwt.verify.publickey.location", AdminTokens.publicKey().toString());
        settings.put("mp.jwt.verify.issuer", AdminTokens.ISSUER);
        return settings;
    }

    private static MafClient client(Client client) throws Exception {
        return MafClient.create(new MafClientSettings(URI.create("https://localhost:" + port), MafTestEnvironment.MAF_FQDN,
                client.certificate(), client.key(), List.of(TestPki.caCertificate())));
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, "");
                var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String randomKek() {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        return Base64.getEncoder().encodeToString(kek);
    }
}
