package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The TLS surface of the packaged MAF as an independent scanner sees it: testssl.sh (Debian package, installed by
 * deploy/install-test-tools.sh) checks protocols, cipher categories and each offered suite (contract section 1, TS-0003
 * 10.2). Its report is kept in target/testssl.json and target/testssl.txt.
 */
class TlsSurfaceIT {

    static final Path TESTSSL = Path.of("/usr/bin/testssl");
    static final Path REPORT = Path.of("target", "testssl.json").toAbsolutePath();

    @Test
    void noProtocolBelowTls12NoWeakSuiteAndTheMandatorySuiteStays() throws Exception {
        assertThat(TESTSSL).as("testssl.sh; install it with deploy/install-test-tools.sh").exists();
        int port = MafProcess.freePort();
        try (MafProcess maf = MafProcess.maf(MafProcess.testSettings(port))) {
            maf.awaitLine("Listening on", 90);
            Files.deleteIfExists(REPORT);
            // Protocols, cipher categories (--std) and every offered suite (-e); nothing slower.
            Process testssl = new ProcessBuilder(TESTSSL.toString(), "--quiet", "--color", "0", "--warnings", "off",
                    "--openssl-timeout", "10", "--protocols", "--std", "-e", "--jsonfile", REPORT.toString(),
                    "localhost:" + port)
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "testssl.txt").toFile()).start();
            if (!testssl.waitFor(4, TimeUnit.MINUTES)) {
                testssl.destroyForcibly();
                throw new AssertionError("testssl.sh did not finish within 4 minutes; see target/testssl.txt");
            }
        }
        Map<String, String> findings = new LinkedHashMap<>();
        for (JsonNode finding : new ObjectMapper().readTree(REPORT.toFile())) {
            findings.put(finding.path("id").asText(), finding.path("finding").asText());
            assertThat(finding.path("severity").asText()).as(finding.toString()).isNotIn("MEDIUM", "HIGH", "CRITICAL");
        }

        for (String old : List.of("SSLv2", "SSLv3", "TLS1", "TLS1_1")) {
            assertThat(findings.get(old)).as(old).isEqualTo("not offered");
        }
        assertThat(findings.get("TLS1_2")).isEqualTo("offered");
        assertThat(findings.get("TLS1_3")).startsWith("offered");
        // testssl's LOW category is 64-bit, DES, RC2 and RC4 suites.
        for (String weak : List.of("cipherlist_NULL", "cipherlist_aNULL", "cipherlist_EXPORT", "cipherlist_LOW",
                "cipherlist_3DES_IDEA")) {
            assertThat(findings.get(weak)).as(weak).isEqualTo("not offered");
        }

        List<String> offered = findings.entrySet().stream().filter(f -> f.getKey().startsWith("cipher_x"))
                .map(Map.Entry::getValue).toList();
        assertThat(offered).as("suites offered").isNotEmpty()
                .noneMatch(suite -> suite.matches("(?i).*(NULL|EXP|RC4|DES|anon|ADH|AECDH|MD5).*"))
                .anyMatch(suite -> suite.contains("ECDHE-ECDSA-AES128-SHA256")
                        && suite.contains("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"));
    }
}
