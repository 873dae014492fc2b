package org.openmaf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.client.KeyRegistrationRequest;
import org.openmaf.client.MafClient;
import org.openmaf.client.MafClientSettings;
import org.openmaf.client.RegisteredKey;
import org.openmaf.client.psk.PskClientConnection;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;

/**
 * The seed scenario end to end (seed TR 7.1.4 steps 1-9), all real processes and real TLS: the packaged MAF on
 * PostgreSQL, the packaged demo IN-CSE, and a smartphone AE using the client library. The AE obtains a PSK through the
 * MAF and the IN-CSE, which never saw the AE before, accepts its TLS-PSK handshake and attributes it to the AE.
 */
class MafBasedSecurityAssociationIT {

    private static MafProcess maf;
    private static MafProcess inCse;
    private static int inCsePort;
    private static MafClient ae;

    @BeforeAll
    static void start() throws Exception {
        int mafPort = MafProcess.freePort();
        var settings = MafProcess.testSettings(mafPort);
        TestDatabase.clearProcedureData();
        maf = MafProcess.maf(settings);
        maf.awaitLine("Listening on", 90);

        String mafUri = "https://localhost:" + mafPort;
        ae = MafClient.create(settings(mafUri, Client.AE));
        ae.register(MafTestEnvironment.ADMIN_FQDN, null, null);                                     // steps 1-3
        MafClient.create(settings(mafUri, Client.IN_CSE)).register(MafTestEnvironment.ADMIN_FQDN, null, null);

        inCsePort = MafProcess.freePort();
        inCse = MafProcess.inCseDemo(mafUri, inCsePort);
    }

    @AfterAll
    static void stop() throws Exception {
        if (inCse != null) {
            inCse.close();
        }
        if (maf != null) {
            maf.close();
        }
    }

    @Test
    void theInCseAcceptsTheAesPskAndAttributesTheSessionToTheAe() throws Exception {
        RegisteredKey key = ae.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN, Client.IN_CSE.clientId)); // 4-5
        assertThat(key.keyIdentifier().toString()).endsWith("@" + MafTestEnvironment.MAF_FQDN);

        String reply = PskClientConnection.exchangeLine("127.0.0.1", inCsePort, key.keyIdentifier().toString(), key.psk(),
                "temperature=21", Duration.ofSeconds(20));                                          // steps 6-9
        assertThat(reply).contains("authenticated source: " + Client.AE.clientId).contains("temperature=21");
    }

    @Test
    void openSslInteroperatesAsTheAe() throws Exception {
        RegisteredKey key = ae.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN, Client.IN_CSE.clientId));
        assertThat(openSslPsk(key.keyIdentifier().toString(), HexFormat.of().formatHex(key.psk())))
                .contains("authenticated source: " + Client.AE.clientId);
    }

    @Test
    void aWrongKeyFails() throws Exception {
        RegisteredKey key = ae.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN, Client.IN_CSE.clientId));
        byte[] wrong = key.psk();
        wrong[0] ^= 1;
        assertThat(openSslPsk(key.keyIdentifier().toString(), HexFormat.of().formatHex(wrong))).doesNotContain("authenticated source").containsPattern("alert|error");
    }

    @Test
    void anExpiredKeyFails() throws Exception {
        Instant soon = Instant.now().plusSeconds(3);
        RegisteredKey key = ae.registerKey(new KeyRegistrationRequest(MafTestEnvironment.ADMIN_FQDN,
                KeyRegistrationRequest.SUID_MAF_SAEF, List.of(Client.IN_CSE.clientId), soon, null));
        // The MAF's own clock decides here (a real process); wait past the expiration.
        TimeUnit.MILLISECONDS.sleep(Math.max(0, Duration.between(Instant.now(), soon).toMillis()) + 1500);
        assertThat(openSslPsk(key.keyIdentifier().toString(), HexFormat.of().formatHex(key.psk()))).doesNotContain("authenticated source").containsPattern("alert|error");
    }

    @Test
    void aDeRegisteredKeyFails() throws Exception {
        RegisteredKey key = ae.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN, Client.IN_CSE.clientId));
        ae.deregisterKey(key.relativeKeyId());
        assertThat(openSslPsk(key.keyIdentifier().toString(), HexFormat.of().formatHex(key.psk()))).doesNotContain("authenticated source").containsPattern("alert|error");
    }

    private static String openSslPsk(String identity, String pskHex) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + inCsePort, "-tls1_2",
                "-cipher", "PSK-AES128-CBC-SHA256", "-psk", pskHex, "-psk_identity", identity, "-ign_eof")
                .redirectErrorStream(true).start();
        openssl.getOutputStream().write("hello from openssl\n".getBytes(StandardCharsets.UTF_8));
        openssl.getOutputStream().flush();
        if (!openssl.waitFor(30, TimeUnit.SECONDS)) {
            openssl.destroyForcibly();
        }
        return new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static MafClientSettings settings(String mafUri, Client client) {
        return new MafClientSettings(URI.create(mafUri), MafTestEnvironment.MAF_FQDN, client.certificate(), client.key(),
                List.of(TestPki.caCertificate()));
    }
}
