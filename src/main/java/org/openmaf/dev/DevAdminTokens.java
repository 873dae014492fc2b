package org.openmaf.dev;

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
import java.util.Base64;

import io.smallrye.jwt.build.Jwt;

/**
 * Dev profile only: the key pair admin tokens are signed and verified with, generated once under
 * {@code target/maf-dev/jwt}, and the admin token the dev banner prints. Production verifies tokens from the
 * operator's own issuer ({@code mp.jwt.verify.*}) and never reads these files.
 */
public final class DevAdminTokens {

    public static final Path DIR = DevDefaults.HOME.resolve("jwt");
    public static final String ISSUER = "https://maf-dev.localhost/admin";
    public static final String SUBJECT = "dev-admin";

    private DevAdminTokens() {
    }

    /** The public key file, after generating the key pair if this is the first dev start. */
    public static Path ensurePublicKey() {
        try {
            if (!Files.exists(publicKey()) || !Files.exists(privateKey())) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(DIR);
                Files.writeString(privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return publicKey();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the dev admin token key under " + DIR.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the dev admin token key", e);
        }
    }

    /** A maf-admin token from the dev issuer. */
    public static String adminToken(Duration validity) {
        ensurePublicKey();
        return Jwt.issuer(ISSUER).subject(SUBJECT).groups("maf-admin").expiresIn(validity).sign(signingKey());
    }

    private static PrivateKey signingKey() {
        try {
            String base64 = Files.readString(privateKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable dev admin token key " + privateKey().toAbsolutePath(), e);
        }
    }

    private static Path publicKey() {
        return DIR.resolve("public.pem");
    }

    private static Path privateKey() {
        return DIR.resolve("private.pem");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
