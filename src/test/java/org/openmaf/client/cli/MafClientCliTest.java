package org.openmaf.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaf.client.ClientTestPki;
import org.openmaf.client.MafClientException;
import org.openmaf.client.RetrievedKey;
import org.openmaf.client.StubMaf;
import org.openmaf.client.psk.InCseDemoServer;
import org.openmaf.client.psk.MafKeyCache;

class MafClientCliTest {

    private static final String FQDN = "maf.test.example";

    @TempDir
    static Path directory;
    static ClientTestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = ClientTestPki.create(directory);
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = MafClientCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private static List<String> mafOptions(int port) {
        return List.of("--maf", "https://localhost:" + port, "--maf-fqdn", FQDN, "--cert", pki.clientCertificate().toString(),
                "--key", pki.clientKey().toString(), "--ca", pki.caCertificate().toString());
    }

    private static String[] args(List<String> command, List<String> options) {
        return java.util.stream.Stream.concat(command.stream(), options.stream()).toArray(String[]::new);
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("register", "registration", "config", "key", "psk", "in-cse-demo");
        Run subcommandHelp = run("key", "register", "--help");
        assertThat(subcommandHelp.status()).isZero();
        assertThat(subcommandHelp.out()).contains("--psk-file", "--psk-identity-file");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run missing = run("key", "register", "--admin-fqdn", "x");

        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option");
    }

    @Test
    void unreadableCredentialsFailWithStatusOne() {
        Run failed = run("registration", "get", "reg-1", "--cert", "/nonexistent.crt", "--key", "/nonexistent.key", "--ca", "/nonexistent.ca");

        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err()).startsWith("error:").contains("nonexistent");
    }

    @Test
    void aMafRefusalPrintsTheRscAndTheMafsMessage() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> StubMaf.response(404, 4004, "{\"m2m:dbg\":\"no such key registration\"}"))) {
            Run failed = run(args(List.of("key", "get", "00112233445566778899AABBCCDDEEFF"), mafOptions(maf.port())));

            assertThat(failed.status()).isEqualTo(1);
            assertThat(failed.err()).contains("RSC 4004", "HTTP 404", "no such key registration");
        }
    }

    @Test
    void keyRegisterWritesOwnerOnlyFilesThatPskConnectUses() throws Exception {
        Path identityFile = directory.resolve("psk_identity");
        Path pskFile = directory.resolve("psk");
        try (StubMaf maf = new StubMaf(pki, request -> StubMaf.response(201, 2001, """
                {"m2m:symmKeyReg":{"relativeKeyID":"%s","sourceID":"%s","adminFQDN":"sp","suid":32,
                "targetIDs":["//sp/in-cse"],"expirationTime":"20991231T000000"}}"""
                .formatted(HexFormat.of().withUpperCase().formatHex(request.exporter(), 0, 16), ClientTestPki.AE_ID)))) {

            Run registered = run(args(List.of("key", "register", "--admin-fqdn", "sp", "--target", "//sp/in-cse",
                    "--psk-identity-file", identityFile.toString(), "--psk-file", pskFile.toString()), mafOptions(maf.port())));

            assertThat(registered.status()).as(registered.err()).isZero();
            byte[] kc = Arrays.copyOfRange(maf.request().exporter(), 16, 48);
            String pskHex = HexFormat.of().formatHex(kc);
            assertThat(Files.readString(pskFile).strip()).isEqualTo(pskHex);
            assertThat(registered.out()).contains("psk_identity: " + Files.readString(identityFile).strip()).doesNotContain(pskHex);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pskFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identityFile))).isEqualTo("rw-------");

            // the IN-CSE would retrieve Kc from the MAF; here the stub hands it the key the MAF stub derived
            MafKeyCache keys = new MafKeyCache(id -> {
                if (!id.toString().equals(Files.readString(identityFile).strip())) {
                    throw new MafClientException(404, 4004, "unknown");
                }
                return new RetrievedKey(kc, ClientTestPki.AE_ID, 32, "sp", List.of("//sp/in-cse"), Instant.parse("2099-12-31T00:00:00Z"), null);
            }, Clock.systemUTC());
            try (InCseDemoServer inCse = InCseDemoServer.start(FQDN, keys, InetAddress.getLoopbackAddress(), 0)) {
                Run connected = run("psk", "connect", "--host", "127.0.0.1", "--port", String.valueOf(inCse.port()),
                        "--psk-identity-file", identityFile.toString(), "--psk-file", pskFile.toString(), "--message", "hi IN-CSE");

                assertThat(connected.status()).as(connected.err()).isZero();
                assertThat(connected.out().strip()).isEqualTo("authenticated source: " + ClientTestPki.AE_ID + "; you said: hi IN-CSE");
            }
        }
    }

    @Test
    void jsonOutputIsMachineReadable() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> StubMaf.response(201, 2001, """
                {"m2m:mafClientReg":{"mafClientRegID":"reg-7","mafClientID":"%s","mafFQDN":"%s","adminFQDN":"sp",
                "expirationTime":"20271122T183000","creationTime":"20261122T183000","lastModifiedTime":"20261122T183000"}}"""
                .formatted(ClientTestPki.AE_ID, FQDN)))) {
            Run registered = run(args(List.of("register", "--admin-fqdn", "sp", "--json"), mafOptions(maf.port())));

            assertThat(registered.status()).as(registered.err()).isZero();
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(registered.out());
            assertThat(json.get("mafClientRegID").asText()).isEqualTo("reg-7");
            assertThat(json.get("expirationTime").asText()).isEqualTo("20271122T183000");
            assertThat(maf.request().body()).contains("\"adminFQDN\":\"sp\"", "\"mafFQDN\":\"" + FQDN + "\"");
        }
    }
}
