package org.openmaf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmaf.client.MafClient;
import org.openmaf.client.KeyRegistrationRequest;
import org.openmaf.client.MafClientSettings;
import org.openmaf.client.MafPskSettings;
import org.openmaf.client.RegisteredKey;
import org.openmaf.client.RetrievedKey;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.OpenSsl;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;
import org.openmaf.wire.M2mTimestamp;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The PSK-based MAF Handshake (TS-0003 8.8.2.2, contract section 8) end to end, all real processes and real TLS: the
 * packaged MAF on PostgreSQL, OpenSSL as a PSK-only device over TLS 1.2 (PSK-AES128-CBC-SHA256) and TLS 1.3 (external
 * PSK), an IN-CSE with a certificate, and the packaged demo IN-CSE. The device registers, registers a key for the IN-CSE
 * with Kc from ITS exporter, the IN-CSE retrieves exactly those bytes and accepts the device's TLS-PSK handshake.
 */
class PskMafHandshakeIT {

    private static final Pattern KEY_ID = Pattern.compile("\"relativeKeyID\":\"([0-9A-F]{32})\"");
    private static final Pattern BRIDGE = Pattern.compile("bridge on [^:]*:(\\d+)\\)");

    private static MafProcess maf;
    private static MafProcess inCse;
    private static int mafPort;
    private static int pskPort;
    private static int managementPort;
    private static int bridgePort;
    private static int inCsePort;
    private static MafClient inCseClient;

    @BeforeAll
    static void start() throws Exception {
        mafPort = MafProcess.freePort();
        AdminTokens.ensure();
        Map<String, String> settings = MafProcess.testSettings(mafPort);
        settings.put("mp.jwt.verify.publickey.location", AdminTokens.publicKey().toString());
        settings.put("mp.jwt.verify.issuer", AdminTokens.ISSUER);
        pskPort = Integer.parseInt(settings.get("maf.psk.port"));
        managementPort = Integer.parseInt(settings.get("quarkus.management.port"));
        maf = MafProcess.maf(settings);
        maf.awaitLine("Listening on", 90);
        // The PSK listener starts with the application (StartupEvent), before Quarkus reports the HTTPS port.
        Matcher bridge = BRIDGE.matcher(maf.output());
        assertThat(bridge.find()).as(maf.output()).isTrue();
        bridgePort = Integer.parseInt(bridge.group(1));
        maf.keepReading();
        TestDatabase.clearProcedureData(); // once the MAF has migrated the schema; the IN-CSE registers afresh

        String mafUri = "https://localhost:" + mafPort;
        inCseClient = MafClient.create(new MafClientSettings(URI.create(mafUri), MafTestEnvironment.MAF_FQDN,
                Client.IN_CSE.certificate(), Client.IN_CSE.key(), List.of(TestPki.caCertificate())));
        inCseClient.register(MafTestEnvironment.ADMIN_FQDN, null, null);

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

    /** A freshly provisioned PSK-only device. */
    record Device(String kmId, String clientId, byte[] km) {
        String kmHex() {
            return HexFormat.of().formatHex(km);
        }
    }

    private static Device provision(Instant expiration) {
        String name = "psk-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] km = new byte[32];
        new SecureRandom().nextBytes(km);
        Device device = new Device(name.toUpperCase() + "@" + MafTestEnvironment.MAF_FQDN, "//" + TestPki.SP + "/" + name, km);
        String expirationTime = expiration == null ? "" : ",\"expirationTime\":\"" + M2mTimestamp.format(expiration) + "\"";
        // The relative KmID is case-insensitive (contract section 8): provisioned in lower case, used in upper case.
        admin().contentType("application/json").body("{\"kmID\":\"" + device.kmId.toLowerCase() + "\",\"mafClientID\":\"" + device.clientId
                + "\",\"key\":\"" + Base64.getEncoder().encodeToString(km) + "\"" + expirationTime + "}")
                .post("/admin/psk-credentials").then().statusCode(201).header("X-M2M-RSC", "2001");
        return device;
    }

    private static RequestSpecification admin() {
        return RestAssured.given().baseUri("https://localhost:" + mafPort)
                .config(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                        .trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)))
                .header("Authorization", "Bearer " + AdminTokens.admin());
    }

    private static List<String> version(String version) {
        return version.equals("tls1_2") ? List.of("-tls1_2", "-cipher", "PSK-AES128-CBC-SHA256") : List.of("-tls1_3");
    }

    /** s_client as the PSK device on the MAF's PSK port, exporting the connection's keying material. */
    private static OpenSsl.Result device(Device device, byte[] km, List<String> options, String request)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("-psk_identity", device.kmId, "-psk", HexFormat.of().formatHex(km),
                "-keymatexport", "EXPORTER-oneM2M-Connection", "-keymatexportlen", "48"));
        all.addAll(options);
        return OpenSsl.sClient(pskPort, List.of(), all, request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls1_2", "tls1_3"})
    void openSslAsAPskDeviceRegistersAKeyThatTheInCseRetrievesAndUses(String version) throws Exception {
        Device device = provision(null);
        OpenSsl.Result registration = device(device, device.km, version(version), OpenSsl.httpRequest("POST",
                "/maf/mafClientRegs", "{\"m2m:mafClientReg\":{\"adminFQDN\":\"" + MafTestEnvironment.ADMIN_FQDN + "\"}}"));
        assertThat(registration.output()).contains("X-M2M-RSC: 2001");
        assertThat(registration.httpBody()).contains("\"mafClientID\":\"" + device.clientId + "\"");

        OpenSsl.Result keyRegistration = device(device, device.km, version(version), OpenSsl.httpRequest("POST",
                "/maf/symmKeyRegs", "{\"m2m:symmKeyReg\":{\"adminFQDN\":\"" + MafTestEnvironment.ADMIN_FQDN
                        + "\",\"suid\":32,\"targetIDs\":[\"" + Client.IN_CSE.clientId + "\"]}}"));
        assertThat(keyRegistration.output()).contains("X-M2M-RSC: 2001")
                .contains(version.equals("tls1_2") ? "Protocol  : TLSv1.2" : "TLSv1.3");
        byte[] exported = HexFormat.of().parseHex(keyRegistration.keyingMaterial());
        Matcher keyId = KEY_ID.matcher(keyRegistration.httpBody());
        assertThat(keyId.find()).as(keyRegistration.output()).isTrue();
        // Contract section 2: KcID = exporter bytes 0..15, Kc = bytes 16..47, of the device's own connection.
        assertThat(keyId.group(1)).isEqualTo(keyRegistration.keyingMaterial().substring(0, 32));

        RetrievedKey retrieved = inCseClient.retrieveKey(keyId.group(1));
        assertThat(retrieved.key()).isEqualTo(java.util.Arrays.copyOfRange(exported, 16, 48));
        assertThat(retrieved.sourceId()).isEqualTo(device.clientId);

        // The demo IN-CSE, which never saw the device, accepts its TLS-PSK handshake with Kc (TS-0003 8.2.2.3).
        String keyIdentifier = keyId.group(1) + "@" + MafTestEnvironment.MAF_FQDN;
        assertThat(openSslToInCse(keyIdentifier, HexFormat.of().formatHex(retrieved.key())))
                .contains("authenticated source: " + device.clientId);
    }

    @Test
    void theClientLibraryAsAPskDeviceRegistersAKeyThatTheInCseRetrievesAndUses() throws Exception {
        Device device = provision(null);
        MafClient library = MafClient.createWithPsk(new MafPskSettings(URI.create("https://localhost:" + pskPort),
                MafTestEnvironment.MAF_FQDN, device.kmId, device.km, null));
        assertThat(library.register(MafTestEnvironment.ADMIN_FQDN, null, null).mafClientId()).isEqualTo(device.clientId);
        RegisteredKey key = library.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN,
                Client.IN_CSE.clientId));
        // key.psk() is the Kc the library exported locally from its own TLS-PSK connection.
        RetrievedKey retrieved = inCseClient.retrieveKey(key.keyIdentifier().toString());
        assertThat(retrieved.key()).isEqualTo(key.psk());
        assertThat(retrieved.sourceId()).isEqualTo(device.clientId);
        assertThat(openSslToInCse(key.keyIdentifier().toString(), HexFormat.of().formatHex(key.psk())))
                .contains("authenticated source: " + device.clientId);
    }

    @Test
    void unknownWrongExpiredAndDeletedKmsFailTheHandshakeAndAreCounted() throws Exception {
        Device device = provision(null);
        double unknownBefore = refusals("unknown-psk-identity");
        double failedBefore = refusals("psk-handshake-failed");
        String get = OpenSsl.httpRequest("GET", "/maf/mafClientRegs/none", null);

        Device unknown = new Device("NOBODY@" + MafTestEnvironment.MAF_FQDN, device.clientId, device.km);
        for (String version : List.of("tls1_2", "tls1_3")) {
            assertThat(device(unknown, device.km, version(version), get).output()).doesNotContain("X-M2M-RSC")
                    .contains("unknown psk identity");
        }
        byte[] wrong = device.km.clone();
        wrong[0] ^= 1;
        for (String version : List.of("tls1_2", "tls1_3")) {
            assertThat(device(device, wrong, version(version), get).output()).doesNotContain("X-M2M-RSC")
                    .containsPattern("alert (decrypt error|bad record mac)");
        }
        // The right Km works until the credential is deleted: the next handshake fails (no cache).
        assertThat(device(device, device.km, version("tls1_3"), get).output()).contains("X-M2M-RSC: 4004");
        admin().delete("/admin/psk-credentials/" + device.kmId).then().statusCode(204);
        assertThat(device(device, device.km, version("tls1_3"), get).output()).doesNotContain("X-M2M-RSC")
                .contains("unknown psk identity");

        Device expiring = provision(Instant.now().plusSeconds(2));
        assertThat(device(expiring, expiring.km, version("tls1_2"), get).output()).contains("X-M2M-RSC: 4004");
        TimeUnit.MILLISECONDS.sleep(3000);
        assertThat(device(expiring, expiring.km, version("tls1_2"), get).output()).doesNotContain("X-M2M-RSC")
                .contains("unknown psk identity");

        // Counted once the listener's thread has seen the failure, which may be just after OpenSSL exits.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (refusals("unknown-psk-identity") < unknownBefore + 4 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(refusals("unknown-psk-identity")).isEqualTo(unknownBefore + 4);
        assertThat(refusals("psk-handshake-failed")).isEqualTo(failedBefore + 2);
    }

    @Test
    void nobodyButTheBridgeReachesTheInternalListenerAndTheCertificateListenerCannotClaimAPskIdentity() throws Exception {
        Device device = provision(null);
        // The internal listener, from any other socket: refused, whatever the request says about who it is.
        String answer = rawHttp(bridgePort, "POST /maf/mafClientRegs HTTP/1.1\r\nHost: localhost\r\nX-M2M-Origin: "
                + device.clientId + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(answer).startsWith("HTTP/1.1 403").contains("X-M2M-RSC: 4106");

        // The certificate listener: a certificate whose subjectAltName names a PSK client authenticates no one.
        Path directory = Files.createDirectories(TestPki.DIR.resolve("psk-claim")); // under target/, with the test PKI
        String name = device.clientId.substring(device.clientId.lastIndexOf('/') + 1);
        TestPki.ExtraClient impostor = TestPki.issueClient(name, directory);
        assertThat(impostor.clientId()).isEqualTo(device.clientId);
        OpenSsl.Result claimed = OpenSsl.sClient(mafPort, List.of("-cert", impostor.certificateFile().toString(), "-key",
                impostor.keyFile().toString()), List.of(), OpenSsl.httpRequest("POST", "/maf/mafClientRegs",
                "{\"m2m:mafClientReg\":{\"adminFQDN\":\"" + MafTestEnvironment.ADMIN_FQDN + "\"}}"));
        assertThat(claimed.output()).contains("X-M2M-RSC: 4106");
        assertThat(claimed.httpBody()).contains("pre-provisioned Km");

        // And the reverse: no Km for a client ID that registered with its certificate.
        admin().contentType("application/json").body("{\"kmID\":\"INCSE@" + MafTestEnvironment.MAF_FQDN
                + "\",\"mafClientID\":\"" + Client.IN_CSE.clientId + "\",\"key\":\""
                + Base64.getEncoder().encodeToString(new byte[32]) + "\"}")
                .post("/admin/psk-credentials").then().statusCode(409).header("X-M2M-RSC", "4105");

        // A PSK client cannot name another client in X-M2M-Origin either.
        String origin = OpenSsl.httpRequest("GET", "/maf/mafClientRegs/none", null)
                .replace("Host: localhost\r\n", "Host: localhost\r\nX-M2M-Origin: " + Client.IN_CSE.clientId + "\r\n");
        assertThat(device(device, device.km, version("tls1_3"), origin).output()).contains("X-M2M-RSC: 4103");
    }

    @Test
    void hostileRequestsGetTheSameOneM2mAnswersAndSilentPeersAreClosed() throws Exception {
        Device device = provision(null);
        // The same binding layer as on the certificate listener: a malformed percent-encoding is 400 / 4000 with m2m:dbg.
        OpenSsl.Result malformed = device(device, device.km, version("tls1_3"), OpenSsl.httpRequest("GET", "/maf/symmKeyRegs/%zz", null));
        assertThat(malformed.output()).contains("HTTP/1.1 400").contains("X-M2M-RSC: 4000");
        assertThat(malformed.httpBody()).contains("m2m:dbg");
        // Not TLS at all: the handshake fails and is counted.
        double failedBefore = refusals("psk-handshake-failed");
        assertThat(rawHttp(pskPort, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).doesNotContain("X-M2M-RSC");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (refusals("psk-handshake-failed") < failedBefore + 1 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(refusals("psk-handshake-failed")).isEqualTo(failedBefore + 1);
        // A peer that completes the handshake and then sends nothing is closed after the header timeout (10 s).
        try (Socket socket = new Socket("127.0.0.1", pskPort)) {
            socket.setSoTimeout(30_000);
            org.bouncycastle.tls.TlsClientProtocol tls = new org.bouncycastle.tls.TlsClientProtocol(socket.getInputStream(),
                    socket.getOutputStream());
            tls.connect(new org.bouncycastle.tls.PSKTlsClient(new org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto(
                    new SecureRandom()), new org.bouncycastle.tls.BasicTlsPSKIdentity(device.kmId, device.km)));
            long start = System.nanoTime();
            int read;
            try {
                read = tls.getInputStream().read();
            } catch (IOException closed) {
                read = -1;
            }
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(read).isEqualTo(-1);
            assertThat(waited).isBetween(8L, 20L);
        }
    }

    @Test
    void theAdminApiNeverReturnsKm() {
        Device device = provision(null);
        String listed = admin().get("/admin/psk-credentials?mafClientID=" + device.clientId).then().statusCode(200)
                .extract().asString();
        assertThat(listed).contains(device.kmId).doesNotContain(Base64.getEncoder().encodeToString(device.km))
                .doesNotContain("\"key\"");
        admin().get("/admin/psk-credentials/" + device.kmId.toLowerCase()).then().statusCode(200);
        assertThat(maf.output()).doesNotContain(Base64.getEncoder().encodeToString(device.km)).doesNotContain(device.kmHex());
    }

    private static double refusals(String reason) throws IOException, InterruptedException {
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/q/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("maf_refusals_total\\{reason=\"" + reason + "\"\\} ([0-9.]+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String rawHttp(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String openSslToInCse(String identity, String pskHex) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + inCsePort, "-tls1_2",
                "-cipher", "PSK-AES128-CBC-SHA256", "-psk", pskHex, "-psk_identity", identity, "-ign_eof")
                .redirectErrorStream(true).start();
        openssl.getOutputStream().write("hello from a PSK device\n".getBytes(StandardCharsets.UTF_8));
        openssl.getOutputStream().flush();
        if (!openssl.waitFor(30, TimeUnit.SECONDS)) {
            openssl.destroyForcibly();
        }
        return new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
