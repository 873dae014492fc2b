package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmaf.wire.ConnectionKeys;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.OpenSsl;
import org.openmaf.testing.TestPki;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * TS-0003 10.3.1: the MAF and an independent TLS peer (OpenSSL) derive the same 48 bytes from
 * EXPORTER-oneM2M-Connection on the same connection.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ExporterInteropTest {

    private static final List<String> EXPORT = List.of("-keymatexport", ConnectionKeys.EXPORTER_LABEL, "-keymatexportlen", "48");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TLS 1.2 with TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, -tls1_2 -cipher ECDHE-ECDSA-AES128-SHA256, ECDHE-ECDSA-AES128-SHA256",
            "TLS 1.3, -tls1_3, TLSv1.3" })
    void theMafDerivesWhatOpenSslDerives(String name, String versionOptions, String expectedInOutput) throws Exception {
        List<String> options = new ArrayList<>(List.of(versionOptions.split(" ")));
        options.addAll(EXPORT);

        OpenSsl.Result openssl = OpenSsl.sClient(TestPki.Client.MN_CSE, options,
                OpenSsl.httpRequest("GET", "/test-support/exporter", null));

        assertThat(openssl.output()).contains(expectedInOutput);
        assertThat(openssl.keyingMaterial()).hasSize(96);
        assertThat(openssl.httpBody()).as(openssl.output()).isEqualTo(openssl.keyingMaterial());
    }

    @Test
    void aTls12SessionIsNeverResumedSoEachConnectionExportsItsOwnKeys() throws Exception {
        Path session = Files.createTempFile("maf-tls12-session", ".pem");
        session.toFile().deleteOnExit();
        List<String> first = new ArrayList<>(List.of("-tls1_2", "-sess_out", session.toString()));
        first.addAll(EXPORT);
        List<String> second = new ArrayList<>(List.of("-tls1_2", "-sess_in", session.toString()));
        second.addAll(EXPORT);

        OpenSsl.Result one = OpenSsl.sClient(TestPki.Client.MN_CSE, first, OpenSsl.httpRequest("GET", "/test-support/exporter", null));
        OpenSsl.Result two = OpenSsl.sClient(TestPki.Client.MN_CSE, second, OpenSsl.httpRequest("GET", "/test-support/exporter", null));

        assertThat(one.output()).doesNotContain("TLS session ticket:");
        assertThat(two.output()).contains("New, ").doesNotContain("Reused, ");
        assertThat(one.httpBody()).isEqualTo(one.keyingMaterial());
        assertThat(two.httpBody()).isEqualTo(two.keyingMaterial());
        assertThat(two.keyingMaterial()).isNotEqualTo(one.keyingMaterial());
    }
}
