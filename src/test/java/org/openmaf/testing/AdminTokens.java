package org.openmaf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Admin bearer tokens for tests, signed by a key pair generated at test time under target/test-jwt (test fixtures
 * only). The MAF verifies them with the public key {@link MafTestEnvironment} configures.
 */
public final class AdminTokens {

    public static final Path DIR = Path.of("target", "test-jwt").toAbsolutePath();
    public static final String ISSUER = "https://issuer.test.example/maf-admin";
    /** What the MAF under test expects in {@code aud} (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "https://maf.test.example/admin";
    public static final String ADMIN_SUBJECT = "alice@operator.test.example";
    public static final String AUDITOR_SUBJECT = "bob@operator.test.example";

    private AdminTokens() {
    }

    /** Generates the signing key pair once per build; the MAF reads the public half at start-up. */
    public static synchronized void ensure() {
        if (Files.exists(publicKey()) && Files.exists(DIR.resolve("private.pem"))) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            KeyPair pair = newKeyPair();
            Files.writeString(DIR.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path publicKey() {
        return DIR.resolve("public.pem");
    }

    public static String admin() {
        return token(ADMIN_SUBJECT, Set.of("maf-admin"));
    }

    public static String auditor() {
        return token(AUDITOR_SUBJECT, Set.of("maf-auditor"));
    }

    public static String token(String subject, Set<String> groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(groups).expiresIn(Duration.ofMinutes(10))
                .sign(privateKey());
    }

    /** Right key, issuer and role, but meant for another service. */
    public static String adminForAnotherAudience() {
        return Jwt.issuer(ISSUER).audience("https://other-service.test.example").subject(ADMIN_SUBJECT).groups("maf-admin")
                .expiresIn(Duration.ofMinutes(10)).sign(privateKey());
    }

    /** Signed correctly, but for the admin whose {@code iat} and {@code exp} are these. */
    public static String adminIssuedAt(Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(ADMIN_SUBJECT).groups("maf-admin").issuedAt(issuedAt)
                .expiresAt(expiresAt).sign(privateKey());
    }

    public static String expiredAdmin() {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        return adminIssuedAt(hourAgo.minus(Duration.ofMinutes(10)), hourAgo);
    }

    /** Right claims, signed by a key the MAF does not know. */
    public static String adminSignedByAnotherKey() {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(ADMIN_SUBJECT).groups("maf-admin")
                .expiresIn(Duration.ofMinutes(10)).sign(newKeyPair().getPrivate());
    }

    /** Right key, another issuer. */
    public static String adminFromAnotherIssuer() {
        return Jwt.issuer("https://elsewhere.test.example").audience(AUDIENCE).subject(ADMIN_SUBJECT).groups("maf-admin")
                .expiresIn(Duration.ofMinutes(10)).sign(privateKey());
    }

    private static PrivateKey privateKey() {
        ensure();
        try {
            String pem = Files.readString(DIR.resolve("private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
