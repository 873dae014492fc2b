package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;

/**
 * The KEK check at start-up (org.openmaf.crypto.KekCanary), on the packaged MAF and a database of its own: sealed at
 * first start, a MAF given another KEK refuses to start, names the KEK id it expected, and prints no key material.
 */
class KekCanaryIT {

    private static String jdbcUrl;
    private static final String UNRELATED_KEK = randomKek();

    @BeforeAll
    static void freshDatabase() {
        jdbcUrl = TestDatabase.recreate("kek_canary");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.drop("kek_canary");
    }

    @Test
    void aMafWithAnotherKekRefusesToStartAndNamesTheKekItExpected() throws Exception {
        try (MafProcess first = MafProcess.maf(settings(MafTestEnvironment.TEST_KEK, "test-k1"))) {
            first.awaitLine("Listening on", 90);
            assertThat(first.output()).contains("KEK canary sealed under KEK 'test-k1'");
        }
        assertThat(canaryRows()).isEqualTo(1);

        // Same id, different key: the id alone cannot vouch for the key.
        try (MafProcess wrongKey = MafProcess.maf(settings(UNRELATED_KEK, "test-k1"))) {
            assertThat(wrongKey.awaitExit(90)).isNotZero();
            assertThat(wrongKey.output()).contains("The MAF cannot start", "does not open the KEK canary", "'test-k1'")
                    .doesNotContain("Listening on");
            assertNoKeyMaterial(wrongKey.output());
        }

        // Another id, and the old one not kept as a previous KEK: the message names the id to configure.
        try (MafProcess wrongId = MafProcess.maf(settings(UNRELATED_KEK, "k2"))) {
            assertThat(wrongId.awaitExit(90)).isNotZero();
            assertThat(wrongId.output()).contains("The MAF cannot start", "sealed under KEK 'test-k1'",
                    "no KEK with that id is configured", "maf.crypto.kek-id is 'k2'").doesNotContain("Listening on");
            assertNoKeyMaterial(wrongId.output());
        }

        // A rotation: the new KEK current, the sealing one kept as previous; the MAF starts.
        Map<String, String> rotated = settings(UNRELATED_KEK, "k2");
        rotated.put("maf.crypto.previous-keks.\"test-k1\"", MafTestEnvironment.TEST_KEK);
        try (MafProcess afterRotation = MafProcess.maf(rotated)) {
            afterRotation.awaitLine("Listening on", 90);
            assertThat(afterRotation.output()).contains("KEK canary opens under KEK 'test-k1' (current KEK 'k2')");
        }
        assertThat(canaryRows()).isEqualTo(1);
    }

    private static void assertNoKeyMaterial(String output) {
        assertThat(output).doesNotContain(UNRELATED_KEK).doesNotContain(MafTestEnvironment.TEST_KEK)
                .doesNotContain(MafTestEnvironment.RETIRED_TEST_KEK);
    }

    private static Map<String, String> settings(String kek, String kekId) throws Exception {
        Map<String, String> settings = MafProcess.testSettings(MafProcess.freePort(), jdbcUrl,
                TestDatabase.USER);
        settings.put("maf.crypto.kek", kek);
        settings.put("maf.crypto.kek-id", kekId);
        settings.remove("maf.crypto.previous-keks.\"test-k0\"");
        return settings;
    }

    private static long canaryRows() throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, "");
                var rows = connection.createStatement().executeQuery("select count(*) from kek_canary")) {
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
