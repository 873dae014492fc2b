package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;

/** The packaged MAF in the production profile: strict about its settings, and nothing of dev mode in it. */
class ProductionStartupIT {

    @Test
    void refusesToStartAndNamesEachMissingSetting() throws Exception {
        try (MafProcess maf = MafProcess.java(List.of("-Dquarkus.datasource.jdbc.url=" + TestDatabase.jdbcUrl(),
                "-Dquarkus.datasource.username=" + TestDatabase.USER), MafProcess.MAF_RUNNER, List.of())) {
            assertThat(maf.awaitExit(90)).isNotZero();
            assertThat(maf.output()).contains("The MAF cannot start: these settings are missing", "maf.fqdn",
                    "maf.tls.server-cert", "maf.tls.server-key", "maf.tls.trust-anchors", "maf.crypto.kek");
            assertThat(maf.output()).doesNotContain("maf-dev").doesNotContain("Listening on");
        }
    }

    @Test
    void startsOnPostgreSqlWithCompleteSettingsFromAConfigFile() throws Exception {
        int port = MafProcess.freePort();
        Map<String, String> settings = MafProcess.testSettings(port);
        try (MafProcess maf = MafProcess.maf(settings)) {
            assertThat(maf.awaitLine("Listening on", 90)).contains("https://0.0.0.0:" + port);
            assertThat(maf.output()).doesNotContain("maf-dev");
            RestAssured.given().baseUri("https://localhost:" + port)
                    .config(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                            .trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)))
                    .get("/q/health").then().statusCode(200);
        }
    }
}
