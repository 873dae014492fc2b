package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.TestPki;

import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.smallrye.jwt.build.Jwt;

/**
 * Admin tokens from an identity provider (README, 'Production'): the packaged MAF verifies tokens against the IdP's
 * JWKS, here served over HTTP on loopback by the test, or read from a file; the token's {@code kid} picks the key.
 */
class JwksAdminTokensIT {

    private static final String ISSUER = "https://idp.test.example/realms/ops";
    private static final String AUDIENCE = "https://maf.test.example/admin";
    private static final String KID = "ops-signing-1";

    private final KeyPair idpKey = rsa();
    private final KeyPair otherIdpKey = rsa();

    @Test
    void tokensSignedWithTheKeyOfAServedJwksOpenTheAdminApiAndNoOthers() throws Exception {
        String jwks = jwks(KID, (RSAPublicKey) idpKey.getPublic(), "other-1", (RSAPublicKey) rsa().getPublic());
        AtomicInteger fetched = new AtomicInteger();
        HttpServer idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        idp.createContext("/certs", exchange -> {
            fetched.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
        try {
            checkAgainst("http://127.0.0.1:" + idp.getAddress().getPort() + "/certs");
            assertThat(fetched.get()).as("JWKS fetches from the IdP").isPositive();
        } finally {
            idp.stop(0);
        }
    }

    @Test
    void aJwksFileWorksTheSameWay() throws Exception {
        Path file = Files.createTempFile("idp-jwks", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, jwks(KID, (RSAPublicKey) idpKey.getPublic(), "other-1", (RSAPublicKey) rsa().getPublic()));
        checkAgainst(file.toString());
    }

    private void checkAgainst(String location) throws Exception {
        int port = MafProcess.freePort();
        Map<String, String> settings = MafProcess.testSettings(port);
        settings.put("mp.jwt.verify.publickey.location", location);
        settings.put("mp.jwt.verify.issuer", ISSUER);
        settings.put("mp.jwt.verify.audiences", AUDIENCE);
        try (MafProcess maf = MafProcess.maf(settings)) {
            maf.awaitLine("Listening on", 120);
            maf.keepReading();
            admin(port, token(idpKey, KID, "maf-admin")).get("/admin/stakeholders").then().statusCode(200);
            admin(port, token(idpKey, KID, "maf-auditor")).get("/admin/stakeholders").then().statusCode(200);
            admin(port, token(idpKey, KID, "maf-auditor")).post("/admin/kek/rewrap").then().statusCode(403);
            // Same kid, another key; a kid the JWKS does not have; the test suite's own admin key: all refused.
            admin(port, token(otherIdpKey, KID, "maf-admin")).get("/admin/stakeholders").then().statusCode(401);
            admin(port, token(otherIdpKey, "unknown-kid", "maf-admin")).get("/admin/stakeholders").then().statusCode(401);
            admin(port, AdminTokens.admin()).get("/admin/stakeholders").then().statusCode(401);
        }
    }

    private static String token(KeyPair key, String kid, String group) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("carol@operator.test.example").groups(group)
                .expiresIn(Duration.ofMinutes(10)).jws().keyId(kid).sign(key.getPrivate());
    }

    private static io.restassured.specification.RequestSpecification admin(int port, String token) {
        return RestAssured.given().baseUri("https://localhost:" + port).header("Authorization", "Bearer " + token)
                .config(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                        .trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)));
    }

    /** A JWKS document (RFC 7517) with two RSA signing keys, as an IdP publishes it. */
    private static String jwks(String kid1, RSAPublicKey key1, String kid2, RSAPublicKey key2) {
        return "{\"keys\":[" + jwk(kid1, key1) + "," + jwk(kid2, key2) + "]}";
    }

    private static String jwk(String kid, RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\"" + base64Url(key.getModulus())
                + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned big-endian (RFC 7518 6.3.1)
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
