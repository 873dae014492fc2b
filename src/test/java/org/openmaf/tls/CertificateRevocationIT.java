package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openmaf.pki.IssuedCredential;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.OpenSsl;
import org.openmaf.testing.OpenSslCrl;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.ExtraClient;

/**
 * Contract section 7, "Certificate revocation", against the packaged MAF: certificates listed in an OpenSSL-made CRL
 * (maf.tls.crls) fail the handshake; the CRL and the server certificate are re-read every maf.tls.reload-period, so a
 * newly revoked certificate is refused, and a replaced server certificate served, without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateRevocationIT {

    /** Shortened for the test; the default is PT1M. */
    private static final Duration RELOAD_PERIOD = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Path dir;
    private static Path crl;
    private static Path serverCert;
    private static Path serverKey;
    private static ExtraClient revokedFirst;
    private static ExtraClient revokedLater;
    private static int port;
    private static MafProcess maf;

    @BeforeAll
    static void startMafWithACrl() throws Exception {
        TestPki.ensure();
        dir = Files.createDirectories(TestPki.DIR.resolve("revocation-it"));
        revokedFirst = TestPki.issueClient("crl-revoked-first", dir);
        revokedLater = TestPki.issueClient("crl-revoked-later", dir);
        serverCert = dir.resolve("maf-server.crt");
        serverKey = dir.resolve("maf-server.key");
        Files.copy(TestPki.serverCertificate(), serverCert, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(TestPki.serverKey(), serverKey, StandardCopyOption.REPLACE_EXISTING);
        crl = dir.resolve("maf-test-ca.crl");
        String text = OpenSslCrl.write(crl, false, List.of(revokedFirst));
        assertThat(text).contains("Serial Number: " + revokedFirst.serialHex()).doesNotContain(revokedLater.serialHex());

        port = MafProcess.freePort();
        Map<String, String> settings = MafProcess.testSettings(port);
        settings.put("maf.tls.server-cert", serverCert.toString());
        settings.put("maf.tls.server-key", serverKey.toString());
        settings.put("maf.tls.crls", crl.toString());
        settings.put("maf.tls.reload-period", RELOAD_PERIOD.toString());
        maf = MafProcess.maf(settings);
        maf.awaitLine("Listening on", 90);
        assertThat(maf.output()).contains("1 CRL(s)");
    }

    @AfterAll
    static void stopMaf() throws Exception {
        if (maf != null) {
            maf.close();
        }
    }

    @Test
    @Order(1)
    void aCertificateInTheCrlFailsTheHandshakeAndOthersStillWork() throws Exception {
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            OpenSsl.Result refused = OpenSsl.sClient(port, credential(revokedFirst), List.of(version),
                    OpenSsl.httpRequest("GET", "/maf/nothing-here", null));
            assertThat(refused.output()).as(version).doesNotContain("HTTP/1.1").containsPattern("alert|error");
            OpenSsl.Result accepted = OpenSsl.sClient(port, credential(revokedLater), List.of(version),
                    OpenSsl.httpRequest("GET", "/maf/nothing-here", null));
            assertThat(accepted.output()).as(version).contains("HTTP/1.1 404").contains("X-M2M-RSC: 4004");
        }
        // The JDK client is refused as well, whether it learns at the handshake or at its first request.
        assertThatThrownBy(() -> MafClients.withKeyStore(revokedFirst.pkcs12(), port).get("/maf/nothing-here")
                .then().statusCode(404)).isNotNull();
    }

    @Test
    @Order(2)
    void aReplacedCrlRevokesFromTheNextReloadOnAlsoOnOpenConnections() throws Exception {
        try (RawHttps open = RawHttps.open(RawHttps.context(revokedLater.pkcs12()), port)) {
            assertThat(open.exchange("GET", "/maf/nothing-here", null)).isEqualTo(404);
            // The operator publishes a new CRL, this time in DER.
            String text = OpenSslCrl.write(crl, true, List.of(revokedFirst, revokedLater));
            assertThat(text).contains("Serial Number: " + revokedLater.serialHex());
            awaitTrue(() -> handshakeRefused(revokedLater));
            // A connection opened before the revocation gets 4106 from its next request on.
            assertThat(open.exchange("GET", "/maf/nothing-here", null)).isEqualTo(403);
        }
        OpenSsl.Result refused = OpenSsl.sClient(port, credential(revokedLater), List.of(),
                OpenSsl.httpRequest("GET", "/maf/nothing-here", null));
        assertThat(refused.output()).doesNotContain("HTTP/1.1");
    }

    @Test
    @Order(3)
    void aServerCertificateReplacedOnDiskIsServedOnNewHandshakes() throws Exception {
        BigInteger before;
        try (RawHttps connection = RawHttps.open(RawHttps.context(TestPki.Client.MN_CSE), port)) {
            before = connection.serverCertificate().getSerialNumber();
        }
        IssuedCredential renewed = TestPki.issueServer();
        Path staging = Files.createTempDirectory(dir, "renewed");
        renewed.writePem(staging.resolve("maf-server.crt"), staging.resolve("maf-server.key"));
        // One file at a time, as a deployment tool would: the MAF never serves a half-replaced pair.
        Files.move(staging.resolve("maf-server.crt"), serverCert, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging.resolve("maf-server.key"), serverKey, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(renewed.certificate().getSerialNumber()).isNotEqualTo(before);
        awaitTrue(() -> {
            try (RawHttps connection = RawHttps.open(RawHttps.context(TestPki.Client.MN_CSE), port)) {
                return connection.serverCertificate().getSerialNumber().equals(renewed.certificate().getSerialNumber());
            }
        });
        try (RawHttps connection = RawHttps.open(RawHttps.context(TestPki.Client.MN_CSE), port)) {
            assertThat(connection.exchange("GET", "/maf/nothing-here", null)).isEqualTo(404);
        }
    }

    private static List<String> credential(ExtraClient client) {
        return List.of("-cert", client.certificateFile().toString(), "-key", client.keyFile().toString());
    }

    private static boolean handshakeRefused(ExtraClient client) throws Exception {
        OpenSsl.Result result = OpenSsl.sClient(port, credential(client), List.of(),
                OpenSsl.httpRequest("GET", "/maf/nothing-here", null));
        return !result.output().contains("HTTP/1.1");
    }

    private static void awaitTrue(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within " + PATIENCE + " (reload period " + RELOAD_PERIOD + "):\n" + maf.output());
    }
}
