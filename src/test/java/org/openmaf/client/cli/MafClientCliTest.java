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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Runs with an environment of its own: no MAF_* variables, and a config file that does not exist. */
    private static Run run(String... args) {
        return runWith(Map.of(ClientDefaults.CONFIG_ENV, directory.resolve("no-such-config.properties").toString()), args);
    }

    static Run runWith(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = MafClientCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
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
        assertThat(help.out()).contains("register", "registration", "config", "key", "psk", "in-cse-demo", "completion", "MAF_CERT",
                "config.properties");
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
    void aMafRefusalPrintsTheRscAndTheMafsMessageAndExitsWithTheStatusOfItsClass() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> StubMaf.response(404, 4004, "{\"m2m:dbg\":\"no such key registration\"}"))) {
            Run failed = run(args(List.of("key", "get", "00112233445566778899AABBCCDDEEFF"), mafOptions(maf.port())));

            assertThat(failed.status()).isEqualTo(MafClientCli.NOT_FOUND);
            assertThat(failed.err()).contains("RSC 4004", "HTTP 404", "no such key registration");
            assertThat(failed.out()).isEmpty();
        }
    }

    @Test
    void underJsonAMafRefusalIsOneJsonObjectOnStderr() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> StubMaf.response(409, 4105, "{\"m2m:dbg\":\"key already registered\"}"))) {
            Run failed = run(args(List.of("key", "delete", "00112233445566778899AABBCCDDEEFF", "--json"), mafOptions(maf.port())));

            assertThat(failed.status()).isEqualTo(MafClientCli.CONFLICT);
            var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(failed.err());
            assertThat(error.get("rsc").asInt()).isEqualTo(4105);
            assertThat(error.get("status").asInt()).isEqualTo(409);
            assertThat(error.get("message").asText()).isEqualTo("key already registered");
            assertThat(failed.out()).isEmpty();
        }
    }

    @Test
    void underJsonLocalAndUsageErrorsAreJsonToo() throws Exception {
        Run local = run("registration", "get", "reg-1", "--json", "--cert", "/nonexistent.crt", "--key", "/nonexistent.key", "--ca",
                "/nonexistent.ca");
        assertThat(local.status()).isEqualTo(MafClientCli.FAILED);
        var localError = new com.fasterxml.jackson.databind.ObjectMapper().readTree(local.err());
        assertThat(localError.has("rsc")).as("no RSC: the MAF was never asked").isFalse();
        assertThat(localError.get("message").asText()).contains("nonexistent");

        Run usage = run("registration", "get", "reg-1", "--json");
        assertThat(usage.status()).isEqualTo(MafClientCli.USAGE);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(usage.err()).get("message").asText())
                .contains("--ca", "MAF_CA");
    }

    @Test
    void exitStatusesFollowTheHttpClassOfTheMafsAnswer() {
        assertThat(MafClientCli.exitStatus(new MafClientException(403, 4103, "x"))).isEqualTo(4);
        assertThat(MafClientCli.exitStatus(new MafClientException(400, 4000, "x"))).isEqualTo(6);
        assertThat(MafClientCli.exitStatus(new MafClientException(500, 5000, "x"))).isEqualTo(7);
        assertThat(MafClientCli.exitStatus(MafClientException.local("x"))).isEqualTo(1);
        assertThat(MafClientCli.exitStatus(new java.io.IOException("x"))).isEqualTo(1);
    }

    @Test
    void optionsComeFromTheEnvironmentThenTheConfigFileAndAFlagBeatsBoth() throws Exception {
        Path config = directory.resolve("precedence.properties");
        Map<String, String> environment = new HashMap<>(Map.of(ClientDefaults.CONFIG_ENV, config.toString()));
        try (StubMaf fromFile = new StubMaf(pki, request -> registrationAnswer());
                StubMaf fromEnvironment = new StubMaf(pki, request -> registrationAnswer());
                StubMaf fromFlag = new StubMaf(pki, request -> registrationAnswer())) {
            assertThat(runWith(environment, "config", "set", "maf", "https://localhost:" + fromFile.port()).status()).isZero();
            assertThat(runWith(environment, "config", "set", "cert", pki.clientCertificate().toString()).status()).isZero();
            assertThat(runWith(environment, "config", "set", "key", pki.clientKey().toString()).status()).isZero();
            assertThat(runWith(environment, "config", "set", "ca", pki.caCertificate().toString()).status()).isZero();
            assertThat(Files.readString(config)).contains("cert=" + pki.clientCertificate());

            Run viaFile = runWith(environment, "register", "--admin-fqdn", "sp");
            assertThat(viaFile.status()).as(viaFile.err()).isZero();
            assertThat(fromFile.request()).as("the config file named the MAF").isNotNull();

            environment.put("MAF_URL", "https://localhost:" + fromEnvironment.port());
            Run viaEnvironment = runWith(environment, "register", "--admin-fqdn", "sp");
            assertThat(viaEnvironment.status()).as(viaEnvironment.err()).isZero();
            assertThat(fromEnvironment.request()).as("MAF_URL beat the config file").isNotNull();

            Run viaFlag = runWith(environment, "register", "--admin-fqdn", "sp", "--maf", "https://localhost:" + fromFlag.port());
            assertThat(viaFlag.status()).as(viaFlag.err()).isZero();
            assertThat(fromFlag.request()).as("--maf beat MAF_URL").isNotNull();

            Run shown = runWith(environment, "config", "show");
            assertThat(shown.out()).contains("maf: https://localhost:" + fromEnvironment.port() + "  (environment MAF_URL)",
                    "cert: " + pki.clientCertificate() + "  (config file " + config + ")");

            assertThat(runWith(environment, "config", "unset", "cert").status()).isZero();
            assertThat(Files.readString(config)).doesNotContain("cert=");
            Run unknown = runWith(environment, "config", "set", "password", "x");
            assertThat(unknown.status()).isEqualTo(MafClientCli.USAGE);
            assertThat(unknown.err()).contains("unknown setting", "p12-password-file");
        }
    }

    @Test
    void anUnreadableConfigFileIsAFailureNotAStackTrace() throws Exception {
        Path unreadable = directory.resolve("malformed.properties");
        Files.writeString(unreadable, "maf=\\u00zz\n"); // a broken \\u escape: Properties.load refuses it

        Run failed = runWith(Map.of(ClientDefaults.CONFIG_ENV, unreadable.toString()), "config", "show");

        assertThat(failed.status()).isEqualTo(MafClientCli.FAILED);
        assertThat(failed.err()).startsWith("error: cannot read the config file " + unreadable);
    }

    @Test
    void aPkcs12IdentityAuthenticatesLikeThePemPair() throws Exception {
        Path p12 = directory.resolve("ae.p12");
        Path password = directory.resolve("ae.p12.password");
        pki.ca().issueClient("ae", List.of(org.openmaf.pki.SubjectAltNames.uri(ClientTestPki.AE_ID)), java.time.Duration.ofDays(1))
                .writePkcs12(p12, "ae", "p12-secret".toCharArray());
        Files.writeString(password, "p12-secret\n");
        try (StubMaf maf = new StubMaf(pki, request -> registrationAnswer())) {
            Run registered = runWith(Map.of(ClientDefaults.CONFIG_ENV, directory.resolve("none").toString(),
                    "MAF_P12", p12.toString(), "MAF_P12_PASSWORD_FILE", password.toString(), "MAF_CA", pki.caCertificate().toString()),
                    "register", "--admin-fqdn", "sp", "--maf", "https://localhost:" + maf.port());

            assertThat(registered.status()).as(registered.err()).isZero();
            assertThat(maf.request().body()).as("the stub MAF accepted the PKCS#12 certificate").contains("\"adminFQDN\":\"sp\"");

            Files.writeString(password, "wrong\n");
            Run wrongPassword = run("register", "--admin-fqdn", "sp", "--maf", "https://localhost:" + maf.port(), "--p12", p12.toString(),
                    "--p12-password-file", password.toString(), "--ca", pki.caCertificate().toString());
            assertThat(wrongPassword.status()).isEqualTo(MafClientCli.FAILED);
            assertThat(wrongPassword.err()).contains("PKCS#12", "wrong password").doesNotContain("p12-secret");

            try (StubMaf pemMaf = new StubMaf(pki, request -> registrationAnswer())) {
                Run flagsBeatEnvironment = runWith(Map.of(ClientDefaults.CONFIG_ENV, directory.resolve("none").toString(),
                        "MAF_P12", p12.toString(), "MAF_P12_PASSWORD_FILE", password.toString()),
                        args(List.of("register", "--admin-fqdn", "sp"), mafOptions(pemMaf.port())));
                assertThat(flagsBeatEnvironment.status()).as("--cert/--key on the command line over MAF_P12 with a wrong password: "
                        + flagsBeatEnvironment.err()).isZero();
            }

            Run both = run("register", "--admin-fqdn", "sp", "--p12", p12.toString(), "--p12-password-file", password.toString(),
                    "--cert", pki.clientCertificate().toString(), "--key", pki.clientKey().toString(), "--ca", pki.caCertificate().toString());
            assertThat(both.status()).isEqualTo(MafClientCli.USAGE);
            assertThat(both.err()).contains("either --p12 or --cert/--key");
        }
    }

    @Test
    void theDevPkisPkcs12FilesOpenWithTheDevPassword() throws Exception {
        org.openmaf.pki.DevPki dev = org.openmaf.pki.DevPki.ensure(directory.resolve("maf-dev-pki"), "maf.my.m2mprovider.org");
        Path p12 = dev.folder().resolve(org.openmaf.pki.DevPki.DevClient.AE.fileName + ".p12");
        Path password = directory.resolve("maf-dev.password");
        Files.writeString(password, org.openmaf.pki.DevPki.PKCS12_PASSWORD + "\n");

        // building the client loads the key store and the TLS context; no connection is made yet
        assertThat(org.openmaf.client.MafClient.create(org.openmaf.client.MafClientSettings.withPkcs12(
                java.net.URI.create("https://localhost:8443"), null, p12, password, List.of(dev.caCertificate())))).isNotNull();

        Files.writeString(password, "not-maf-dev\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.openmaf.client.MafClient.create(
                org.openmaf.client.MafClientSettings.withPkcs12(java.net.URI.create("https://localhost:8443"), null, p12, password,
                        List.of(dev.caCertificate())))).isInstanceOf(MafClientException.class).hasMessageContaining("wrong password");
    }

    @Test
    void aSuccessEndsWithANextStepLineOnStderrButNotUnderJson() throws Exception {
        try (StubMaf maf = new StubMaf(pki, request -> registrationAnswer());
                StubMaf forJson = new StubMaf(pki, request -> registrationAnswer())) {
            Run registered = run(args(List.of("register", "--admin-fqdn", "sp"), mafOptions(maf.port())));

            assertThat(registered.status()).as(registered.err()).isZero();
            assertThat(registered.err().strip()).isEqualTo("Registered " + ClientTestPki.AE_ID + " with the MAF " + FQDN
                    + " for stakeholder sp as reg-7; next: maf-client key register --admin-fqdn sp --target TARGET_ID");
            assertThat(registered.out()).doesNotContain("next:");

            Run json = run(args(List.of("register", "--admin-fqdn", "sp", "--json"), mafOptions(forJson.port())));
            assertThat(json.status()).as(json.err()).isZero();
            assertThat(json.err()).isEmpty();
        }
    }

    @Test
    void completionPrintsABashScriptThatCompletesSubcommands() throws Exception {
        Run completion = run("completion", "bash");

        assertThat(completion.status()).isZero();
        assertThat(completion.out()).contains("complete -F _complete_maf-client", "ZSH_VERSION");
        assertThat(completion.err()).as("sourced at every shell start: no next-step line").isEmpty();
        Path script = directory.resolve("maf-client-completion.bash");
        Files.writeString(script, completion.out());
        // Ask bash itself what TAB after "maf-client key re" offers.
        Process bash = new ProcessBuilder("bash", "-c", "source " + script
                + " && COMP_WORDS=(maf-client key re) && COMP_CWORD=2 && COMP_LINE='maf-client key re' && COMP_POINT=${#COMP_LINE}"
                + " && _complete_maf-client && printf '%s\\n' \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
        String offered = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(offered).isZero();
        assertThat(offered.lines().map(String::strip).toList()).contains("register").doesNotContain("delete");
    }

    private static String registrationAnswer() {
        return StubMaf.response(201, 2001, """
                {"m2m:mafClientReg":{"mafClientRegID":"reg-7","mafClientID":"%s","mafFQDN":"%s","adminFQDN":"sp",
                "expirationTime":"20271122T183000","creationTime":"20261122T183000","lastModifiedTime":"20261122T183000"}}"""
                .formatted(ClientTestPki.AE_ID, FQDN));
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
