package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openmaf.dev.DevAdminTokens;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** The packaged MAF in the production profile: strict about its settings, and nothing of dev mode in it. */
class ProductionStartupIT {

    private static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @Test
    void refusesToStartAndNamesEachMissingSetting() throws Exception {
        Process maf = start(List.of("-Dquarkus.datasource.jdbc.url=" + TestDatabase.jdbcUrl(),
                "-Dquarkus.datasource.username=" + TestDatabase.USER));
        assertThat(maf.waitFor(90, TimeUnit.SECONDS)).as("the MAF should exit").isTrue();
        String output = new String(maf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(maf.exitValue()).isNotZero();
        assertThat(output).contains("maf.fqdn", "maf.tls.server-cert", "maf.tls.server-key", "maf.tls.trust-anchors",
                "maf.crypto.kek");
        assertThat(output).doesNotContain("maf-dev").doesNotContain("Listening on");
    }

    @Test
    void startsOnPostgreSqlWithCompleteSettings() throws Exception {
        TestPki.ensure();
        TestDatabase.ensure();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path settings = Files.createTempFile("maf-prod", ".properties");
        Files.writeString(settings, String.join("\n",
                "maf.fqdn=" + MafTestEnvironment.MAF_FQDN,
                "maf.tls.server-cert=" + TestPki.serverCertificate(),
                "maf.tls.server-key=" + TestPki.serverKey(),
                "maf.tls.trust-anchors=" + TestPki.caCertificate(),
                "maf.crypto.kek=" + MafTestEnvironment.TEST_KEK,
                "quarkus.datasource.jdbc.url=" + TestDatabase.jdbcUrl(),
                "quarkus.datasource.username=" + TestDatabase.USER,
                "quarkus.http.ssl-port=" + port));
        Process maf = start(List.of("-Dquarkus.config.locations=" + settings.toUri()));
        try {
            StringBuilder log = new StringBuilder();
            var reader = maf.inputReader(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            for (String line = reader.readLine(); line != null && System.nanoTime() < deadline; line = reader.readLine()) {
                log.append(line).append('\n');
                if (line.contains("Listening on")) {
                    break;
                }
            }
            assertThat(log).contains("Listening on: https://0.0.0.0:" + port).doesNotContain("maf-dev")
                    .doesNotContain("Admin API token").doesNotContain("in-memory key pair");
            RestAssured.given().baseUri("https://localhost:" + port)
                    .config(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                            .trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)))
                    .get("/q/health").then().statusCode(200);
            adminApiRefusesEveryTokenWithoutAConfiguredIssuer(port);
        } finally {
            maf.destroy();
            maf.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Production was given no mp.jwt.verify.* settings: no dev key, no generated key, so no token opens /admin, not
     * even one shaped exactly like the dev banner's (dev issuer, maf-admin).
     */
    private static void adminApiRefusesEveryTokenWithoutAConfiguredIssuer(int port) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String devShapedToken = Jwt.issuer(DevAdminTokens.ISSUER).subject(DevAdminTokens.SUBJECT).groups("maf-admin")
                .expiresIn(Duration.ofMinutes(5)).sign(generator.generateKeyPair().getPrivate());
        https(port).get("/admin/stakeholders").then().statusCode(401);
        https(port).header("Authorization", "Bearer " + devShapedToken).get("/admin/stakeholders").then().statusCode(401);
        // Dev UI and other dev-only pages do not exist in the production build.
        https(port).get("/q/dev-ui").then().statusCode(404);
    }

    private static RequestSpecification https(int port) {
        return RestAssured.given().baseUri("https://localhost:" + port).config(RestAssuredConfig.config()
                .sslConfig(SSLConfig.sslConfig().trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)));
    }

    private static Process start(List<String> properties) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(properties);
        command.addAll(List.of("-jar", RUNNER.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
