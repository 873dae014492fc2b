package org.openmaf.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.openmaf.config.MafSettings;
import org.openmaf.pki.DevPki;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Dev profile only: the settings production must be given (server certificate, trust anchors, KEK, and the key that
 * admin tokens are verified with), generated on first
 * start under {@code target/maf-dev}, the way Keycloak's start-dev needs no setup. Registered as a config source
 * factory of its own (META-INF/services), so configuration does not know the dev package; in any profile but dev it
 * supplies nothing, so production never sees a dev default. Explicit settings win: its ordinal is below
 * {@link MafSettings}, application.properties, the environment and system properties.
 */
public final class DevDefaults implements ConfigSourceFactory {

    public static final Path HOME = Path.of("target", "maf-dev");

    static final int ORDINAL = MafSettings.ORDINAL - 1;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        ConfigValue fqdn = context.getValue("maf.fqdn");
        return List.of(new PropertiesConfigSource(settings(fqdn == null ? null : fqdn.getValue()), "maf-dev-defaults", ORDINAL));
    }

    static Map<String, String> settings(String mafFqdn) {
        try {
            DevPki pki = DevPki.ensure(HOME.resolve("pki"), mafFqdn == null ? "localhost" : mafFqdn);
            return Map.of(
                    "maf.tls.server-cert", pki.serverCertificate().toString(),
                    "maf.tls.server-key", pki.serverKey().toString(),
                    "maf.tls.trust-anchors", pki.caCertificate().toString(),
                    "maf.crypto.kek", devKek(HOME.resolve("secrets").resolve("kek.b64")),
                    "maf.crypto.kek-id", "dev-k1",
                    "mp.jwt.verify.publickey.location", DevAdminTokens.ensurePublicKey().toAbsolutePath().toString(),
                    "mp.jwt.verify.issuer", DevAdminTokens.ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the dev PKI under " + HOME.toAbsolutePath(), e);
        }
    }

    /** A random KEK kept beside the dev database, so dev keys stay readable across restarts. */
    private static String devKek(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(kek));
        }
        return Files.readString(file).strip();
    }
}
