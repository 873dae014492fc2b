package org.openmaf.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The library against a stub MAF over real mutually authenticated TLS. */
class MafClientTest {

    private static final String FQDN = "maf.test.example";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;
    static ClientTestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = ClientTestPki.create(directory);
    }

    private static String keyRegResponse(String relativeKeyId) {
        return StubMaf.response(201, 2001, """
                {"m2m:symmKeyReg":{"relativeKeyID":"%s","keyIdentifier":"%s@%s","sourceID":"%s","adminFQDN":"my.m2mprovider.org",
                "suid":32,"targetIDs":["//my.m2mprovider.org/in-cse"],"expirationTime":"20261122T183000"}}"""
                .formatted(relativeKeyId, relativeKeyId, FQDN, ClientTestPki.AE_ID));
    }

    @Test
    void keyRegistrationDerivesKcFromTheVeryConnectionThatCarriesIt() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> keyRegResponse(HEX.formatHex(request.exporter(), 0, 16)))) {
            MafClient client = MafClient.create(pki.settings(maf.port(), FQDN));

            RegisteredKey key = client.registerKey(KeyRegistrationRequest.forSaef("my.m2mprovider.org", "//my.m2mprovider.org/in-cse"));

            byte[] exporter = maf.request().exporter();
            assertThat(key.psk()).isEqualTo(Arrays.copyOfRange(exporter, 16, 48));
            assertThat(key.relativeKeyId()).isEqualTo(HEX.formatHex(exporter, 0, 16));
            assertThat(key.keyIdentifier().toString()).isEqualTo(key.relativeKeyId() + "@" + FQDN);
            assertThat(key.expirationTime()).isEqualTo(Instant.parse("2026-11-22T18:30:00Z"));
            assertThat(key.metadata().sourceId()).isEqualTo(ClientTestPki.AE_ID);
            assertThat(key.toString()).doesNotContainIgnoringCase(HexFormat.of().formatHex(key.psk()));

            assertThat(maf.request().head()).startsWith("POST /maf/symmKeyRegs HTTP/1.1\r\n").contains("Connection: close");
            JsonNode body = JSON.readTree(maf.request().body()).get("m2m:symmKeyReg");
            assertThat(body.get("suid").asInt()).isEqualTo(32);
            assertThat(body.get("targetIDs").get(0).asText()).isEqualTo("//my.m2mprovider.org/in-cse");
            assertThat(body.has("keyValue")).isFalse();
        }
    }

    /**
     * Head and body in one write, so one TLS record: written apart, the body waited behind Nagle's algorithm for the
     * MAF's delayed ACK of the head (40 ms on Linux, twice what a whole registration took on the benchmark machine).
     */
    @Test
    void theRequestLeavesInOneRecord() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> keyRegResponse(HEX.formatHex(request.exporter(), 0, 16)))) {
            MafClient client = MafClient.create(pki.settings(maf.port(), FQDN));

            client.registerKey(KeyRegistrationRequest.forSaef("my.m2mprovider.org", "//my.m2mprovider.org/in-cse"));

            StubMaf.Request request = maf.request();
            assertThat(request.body()).isNotEmpty();
            assertThat(request.firstRecord()).isEqualTo(request.head() + request.body());
        }
    }

    @Test
    void keyRegistrationIsRefusedWhenTheMafNamesAnotherKcId() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> keyRegResponse("00112233445566778899AABBCCDDEEFF"))) {
            MafClient client = MafClient.create(pki.settings(maf.port(), FQDN));

            assertThatThrownBy(() -> client.registerKey(KeyRegistrationRequest.forSaef("my.m2mprovider.org", "//x/in-cse")))
                    .isInstanceOf(MafClientException.class)
                    .hasMessageContaining("00112233445566778899AABBCCDDEEFF")
                    .hasMessageNotContaining(HEX.formatHex(maf.request().exporter(), 16, 48));
        }
    }

    @Test
    void withoutAConfiguredMafFqdnTheKeyIdentifierComesFromTheMafAndNoMafFqdnIsSent() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> keyRegResponse(HEX.formatHex(request.exporter(), 0, 16)))) {
            RegisteredKey key = MafClient.create(pki.settings(maf.port(), null))
                    .registerKey(KeyRegistrationRequest.forSaef("my.m2mprovider.org", "//x/in-cse"));

            assertThat(key.keyIdentifier().mafFqdn()).isEqualTo(FQDN);
            assertThat(JSON.readTree(maf.request().body()).get("m2m:symmKeyReg").has("mafFQDN")).isFalse();
        }
    }

    @Test
    void aKeyIdentifierOfAnotherFqdnThanConfiguredIsRefused() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> keyRegResponse(HEX.formatHex(request.exporter(), 0, 16)))) {
            MafClient client = MafClient.create(pki.settings(maf.port(), "other.example"));

            assertThatThrownBy(() -> client.registerKey(KeyRegistrationRequest.forSaef("my.m2mprovider.org", "//x/in-cse")))
                    .isInstanceOf(MafClientException.class).hasMessageContaining("MAF-FQDN");
            assertThat(JSON.readTree(maf.request().body()).get("m2m:symmKeyReg").get("mafFQDN").asText()).isEqualTo("other.example");
        }
    }

    @Test
    void selfGeneratedKeyIsSentAsKeyValueAndReturnedUnderTheMafsRelativeKeyId() throws Exception {
        byte[] own = new byte[24];
        Arrays.fill(own, (byte) 7);
        try (StubMaf maf = new StubMaf(pki, request -> keyRegResponse("ABCDEF0123456789ABCDEF0123456789"))) {
            MafClient client = MafClient.create(pki.settings(maf.port(), FQDN));

            RegisteredKey key = client.registerOwnKey(KeyRegistrationRequest.forSaef("my.m2mprovider.org", "//x/in-cse"), own);

            assertThat(key.psk()).isEqualTo(own);
            assertThat(key.keyIdentifier().toString()).isEqualTo("ABCDEF0123456789ABCDEF0123456789@" + FQDN);
            JsonNode body = JSON.readTree(maf.request().body()).get("m2m:symmKeyReg");
            assertThat(body.get("keyValue").asText()).isEqualTo(Base64.getEncoder().encodeToString(own));
        }
    }

    @Test
    void mafErrorsCarryStatusRscAndTheMafsMessage() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> StubMaf.response(403, 4103,
                "{\"m2m:dbg\":\"//my.m2mprovider.org/CAE3 is not a target of this key\"}"))) {
            MafClient client = MafClient.create(pki.settings(maf.port(), FQDN));

            assertThatThrownBy(() -> client.retrieveKey("00112233445566778899AABBCCDDEEFF@" + FQDN))
                    .isInstanceOfSatisfying(MafClientException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(403);
                        assertThat(e.rsc()).isEqualTo(4103);
                        assertThat(e.mafMessage()).isEqualTo("//my.m2mprovider.org/CAE3 is not a target of this key");
                    });
            assertThat(maf.request().head()).startsWith("GET /maf/symmKeyRegs/00112233445566778899AABBCCDDEEFF@" + FQDN + " HTTP/1.1");
        }
    }

    @Test
    void keyRetrievalReadsAChunkedResponseWithTheKeyValue() throws Exception {
        byte[] kc = new byte[32];
        Arrays.fill(kc, (byte) 0x5A);
        String json = "{\"m2m:symmKeyReg\":{\"relativeKeyID\":\"00112233445566778899AABBCCDDEEFF\",\"sourceID\":\"//sp/CAE3\","
                + "\"adminFQDN\":\"sp\",\"suid\":32,\"targetIDs\":[\"//sp/in-cse\"],\"expirationTime\":\"20261122T183000\","
                + "\"keyValue\":\"" + Base64.getEncoder().encodeToString(kc) + "\"}}";
        String chunked = "HTTP/1.1 200 OK\r\nX-M2M-RSC: 2000\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + json.substring(0, 10) + "\r\n"
                + Integer.toHexString(json.length() - 10) + "\r\n" + json.substring(10) + "\r\n0\r\n\r\n";
        try (StubMaf maf = new StubMaf(pki, request -> chunked)) {
            RetrievedKey key = MafClient.create(pki.settings(maf.port(), FQDN)).retrieveKey("00112233445566778899AABBCCDDEEFF");

            assertThat(key.key()).isEqualTo(kc);
            assertThat(key.sourceId()).isEqualTo("//sp/CAE3");
            assertThat(key.suid()).isEqualTo(32);
            assertThat(key.targetIds()).containsExactly("//sp/in-cse");
            assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(kc)).doesNotContainIgnoringCase("5a5a5a");
        }
    }

    @Test
    void updateSendsOnlyWhatChanges() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> StubMaf.response(200, 2004,
                "{\"m2m:mafClientReg\":{\"labels\":[\"a\",\"b\"]}}"))) {
            MafClientRegistration updated = MafClient.create(pki.settings(maf.port(), FQDN)).updateRegistration("reg-1", null, List.of("a", "b"));

            assertThat(updated.labels()).containsExactly("a", "b");
            assertThat(updated.expirationTime()).isNull();
            assertThat(maf.request().head()).startsWith("PUT /maf/mafClientRegs/reg-1 HTTP/1.1");
            assertThat(JSON.readTree(maf.request().body()))
                    .isEqualTo(JSON.readTree("{\"m2m:mafClientReg\":{\"labels\":[\"a\",\"b\"]}}"));
        }
    }

    @Test
    void theMafsCertificateMustNameTheHostDialled() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> StubMaf.response(200, 2000, "{}"))) {
            // the stub's certificate names "localhost" only
            MafClientSettings byAddress = new MafClientSettings(URI.create("https://127.0.0.1:" + maf.port()), FQDN,
                    pki.clientCertificate(), pki.clientKey(), List.of(pki.caCertificate()));

            assertThatThrownBy(() -> MafClient.create(byAddress).retrieveRegistration("reg-1")).isInstanceOf(SSLException.class);
        }
    }

    @Test
    void sec1PrivateKeysLoadAsWellAsPkcs8() throws Exception {
        var pkcs8 = ClientTlsContext.readPrivateKey(pki.clientKey());
        Path sec1 = directory.resolve("ae-sec1.key");
        // OpenSSL writes the traditional SEC1 form ("EC PRIVATE KEY"), as many device toolchains do
        Process openssl = new ProcessBuilder("openssl", "ec", "-in", pki.clientKey().toString(), "-out", sec1.toString())
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor()).isZero();

        assertThat(Files.readString(pki.clientKey())).contains("BEGIN PRIVATE KEY");
        assertThat(Files.readString(sec1)).contains("BEGIN EC PRIVATE KEY");
        var fromSec1 = (java.security.interfaces.ECPrivateKey) ClientTlsContext.readPrivateKey(sec1);
        assertThat(fromSec1.getS()).isEqualTo(((java.security.interfaces.ECPrivateKey) pkcs8).getS());
    }
}
