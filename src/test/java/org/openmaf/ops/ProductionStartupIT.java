package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmaf.dev.DevAdminTokens;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** The packaged MAF in the production profile: strict about its settings, and nothing of dev mode in it. */
class ProductionStartupIT {

    @Test
    void refusesToStartAndNamesEachMissingSetting() throws Exception {
        try (MafProcess maf = MafProcess.java(List.of("-Dquarkus.datasource.jdbc.url=" + TestDatabase.jdbcUrl(),
                "-Dquarkus.datasource.username=" + TestDatabase.USER,
                "-Dquarkus.management.port=" + MafProcess.freePort()), MafProcess.MAF_RUNNER, List.of())) {
            assertThat(maf.awaitExit(90)).isNotZero();
            assertThat(maf.output()).contains("The MAF cannot start: these settings are missing", "maf.fqdn",
                    "maf.tls.server-cert", "maf.tls.server-key", "maf.tls.trust-anchors", "maf.crypto.kek");
            assertThat(maf.output()).doesNotContain("maf-dev").doesNotContain("Listening on");
        }
    }

    /**
     * Vert.x would serve the HTTPS endpoint and the management interface from one socket, handing every few connections
     * to the plain-HTTP one; the PSK listener on the HTTPS port would take connections meant for it. Refused at start.
     */
    @Test
    void refusesToStartWhenTwoListenersShareAPort() throws Exception {
        int port = MafProcess.freePort();
        Map<String, String> settings = MafProcess.testSettings(port);
        settings.put("quarkus.management.port", String.valueOf(port));
        settings.put("maf.psk.port", String.valueOf(port));
        try (MafProcess maf = MafProcess.maf(settings)) {
            assertThat(maf.awaitExit(90)).isNotZero();
            assertThat(maf.output()).contains("The MAF cannot start: its listeners need a port each",
                    "quarkus.http.ssl-port (the HTTPS endpoint) and maf.psk.port (the TLS-PSK listener) are both port " + port,
                    "quarkus.http.ssl-port (the HTTPS endpoint) and quarkus.management.port (the management interface) are both port " + port);
            assertThat(maf.output()).doesNotContain("Listening on").doesNotContain("PSK-based MAF Handshake listening");
        }
    }

    @Test
    void startsOnPostgreSqlWithCompleteSettingsFromAConfigFile() throws Exception {
        int port = MafProcess.freePort();
        Map<String, String> settings = MafProcess.testSettings(port);
        try (MafProcess maf = MafProcess.maf(settings)) {
            assertThat(maf.awaitLine("Listening on", 90)).contains("https://0.0.0.0:" + port);
            assertThat(maf.output()).doesNotContain("maf-dev");
            // The native provider loads (the jar's manifest allows its System.load: no warning) and serves first.
            assertThat(maf.output()).contains("Native crypto: AmazonCorrettoCryptoProvider").doesNotContain("restricted method");
            // Contract section 9: health on the management interface, where Kubernetes probes ask.
            int management = Integer.parseInt(settings.get("quarkus.management.port"));
            assertThat(maf.output()).contains("Management interface listening on http://0.0.0.0:" + management);
            org.openmaf.testing.MafClients.management(management).get("/q/health/ready").then().statusCode(200);
            org.openmaf.testing.MafClients.management(management).get("/q/health/live").then().statusCode(200);
            adminApiRefusesEveryTokenWithoutAConfiguredIssuer(port);
            malformedUrisGetAOneM2mAnswerInProductionToo(port);
            assertThat(maf.output()).doesNotContain("Admin API token").doesNotContain("in-memory key pair");
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

    /**
     * Contract section 6: the production build hands URI validation from Quarkus to the MAF (UriValidationHandover) as
     * the test profile does, so a malformed percent-encoding gets an RSC and a JSON body, not Quarkus's bare 400.
     */
    private static void malformedUrisGetAOneM2mAnswerInProductionToo(int port) throws Exception {
        try (RawHttps connection = RawHttps.open(RawHttps.contextWithoutCertificate(), port)) {
            RawHttps.Reply reply = connection.send("GET", "/maf/mafClientRegs/%ZZ", List.of("Host: localhost"), null);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.header("X-M2M-RSC")).isEqualTo("4000");
            assertThat(reply.body()).startsWith("{\"m2m:dbg\":").contains("percent-encoding");
        }
    }

    private static RequestSpecification https(int port) {
        return RestAssured.given().baseUri("https://localhost:" + port).config(RestAssuredConfig.config()
                .sslConfig(SSLConfig.sslConfig().trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)));
    }
}
