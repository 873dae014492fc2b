package org.openmaf.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.openmaf.client.psk.InCseDemoServer;
import org.openmaf.client.psk.MafKeyCache;

/**
 * The packaged target/maf-client.jar (failsafe, after {@code package}): self-contained, only client and wire classes, no stale
 * signature files, and its {@code psk connect} talks to an in-process IN-CSE demo.
 */
class MafClientJarIT {

    private static final Path JAR = Path.of("target", "maf-client.jar");
    private static final String REL = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";
    private static final byte[] KC = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    record Run(int status, String output) {
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("maf-client.jar did not finish: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theJarHoldsOnlyClientClassesAndNoSignatureFiles() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();

            assertThat(names).contains("org/openmaf/client/cli/MafClientCli.class", "org/openmaf/wire/KeyIdentifier.class",
                    "org/openmaf/wire/M2mTimestamp.class", "picocli/CommandLine.class",
                    "org/bouncycastle/tls/TlsServerProtocol.class", "com/fasterxml/jackson/databind/ObjectMapper.class",
                    "com/github/benmanes/caffeine/cache/Caffeine.class", "picocli/AutoComplete.class");
            assertThat(names).filteredOn(name -> name.startsWith("org/openmaf/") && name.endsWith(".class"))
                    .allMatch(name -> name.startsWith("org/openmaf/client/") || name.startsWith("org/openmaf/wire/"));
            assertThat(names).noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
            assertThat(names).noneMatch(name -> name.startsWith("io/quarkus/") || name.equals("application.properties"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("org.openmaf.client.cli.MafClientCli");
        }
    }

    @Test
    void helpAndFailureExitStatuses() throws Exception {
        Run help = java("--help");
        assertThat(help.status()).isZero();
        assertThat(help.output()).contains("in-cse-demo");

        Run failed = java("psk", "connect", "--port", "1", "--psk-identity", REL + "@maf.test.example", "--psk", "00");
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.output()).startsWith("error:");

        Run completion = java("completion", "bash");
        assertThat(completion.status()).isZero();
        assertThat(completion.output()).contains("complete -F _complete_maf-client", "_picocli_maf-client_key_register");
    }

    @Test
    void theInCseDemoBuildsItsCaffeineKeyCacheFromTheJar(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        ClientTestPki pki = ClientTestPki.create(directory);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "in-cse-demo", "--port", "0", "--maf-fqdn", "maf.test.example", "--cert", pki.clientCertificate().toString(), "--key",
                pki.clientKey().toString(), "--ca", pki.caCertificate().toString(), "--key-cache-size", "100", "--unknown-key-ttl", "PT2S");
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            // the key cache is built before the server listens: a class missing from the jar would end the process first
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = lines.readLine()) != null && !line.startsWith("IN-CSE demo listening on")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as(seen.toString()).isNotNull();
        } finally {
            demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void pskConnectFromTheJarReachesTheInCseDemo() throws Exception {
        MafKeyCache keys = new MafKeyCache(id -> {
            if (!id.relativeKeyId().equals(REL)) {
                throw new MafClientException(404, 4004, "unknown key");
            }
            return new RetrievedKey(KC, ClientTestPki.AE_ID, 32, "sp", List.of("//sp/in-cse"), Instant.now().plusSeconds(600), null);
        }, Clock.systemUTC());
        try (InCseDemoServer inCse = InCseDemoServer.start("maf.test.example", keys, InetAddress.getLoopbackAddress(), 0)) {
            Run ok = java("psk", "connect", "--host", "127.0.0.1", "--port", String.valueOf(inCse.port()), "--psk-identity",
                    REL + "@maf.test.example", "--psk", HexFormat.of().formatHex(KC), "--message", "from the jar");

            assertThat(ok.status()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("authenticated source: " + ClientTestPki.AE_ID + "; you said: from the jar");

            byte[] wrong = KC.clone();
            wrong[0] ^= 1;
            Run refused = java("psk", "connect", "--host", "127.0.0.1", "--port", String.valueOf(inCse.port()), "--psk-identity",
                    REL + "@maf.test.example", "--psk", HexFormat.of().formatHex(wrong));
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.output()).contains("TLS-PSK handshake").doesNotContain("authenticated source");
        }
    }
}
