package org.openmaf.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests over real TLS to the test server, as a given MAF client or with no certificate. */
public final class MafClients {

    private MafClients() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
    }

    public static String baseUri() {
        return "https://localhost:" + port();
    }

    /** The management interface (contract section 9: health and metrics), plain HTTP on a port of its own. */
    public static RequestSpecification management() {
        // Quarkus's test URL of it ends in the management root path (/q); the requests here name whole paths.
        java.net.URI management = java.net.URI.create(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri());
        return management(management.getPort());
    }

    /** The management interface of a packaged MAF listening there on {@code port}. */
    public static RequestSpecification management(int port) {
        return RestAssured.given().baseUri("http://localhost:" + port);
    }

    public static RequestSpecification as(TestPki.Client client) {
        return RestAssured.given().baseUri(baseUri())
                .config(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                        .trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)
                        .keyStore(client.pkcs12().toString(), TestPki.PASSWORD)));
    }

    /** As the holder of this PKCS#12 (password {@link TestPki#PASSWORD}), against the MAF on {@code port}. */
    public static RequestSpecification withKeyStore(java.nio.file.Path pkcs12, int port) {
        return RestAssured.given().baseUri("https://localhost:" + port)
                .config(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                        .trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)
                        .keyStore(pkcs12.toString(), TestPki.PASSWORD)));
    }

    /** An operator's request: a bearer token, no client certificate. */
    public static RequestSpecification asAdmin(String bearerToken) {
        return withoutCertificate().header("Authorization", "Bearer " + bearerToken);
    }

    public static RequestSpecification withoutCertificate() {
        return RestAssured.given().baseUri(baseUri())
                .config(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                        .trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)));
    }
}
