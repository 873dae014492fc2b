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
import org.openmaf.pki.DevPki;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Dev profile only: supplies the settings production must be given (server certificate, trust anchors, KEK), generating
 * them on first start under {@code target/maf-dev}, the way Keycloak's start-dev needs no setup. Its ordinal is below
 * application.properties, so anything configured explicitly wins. In any other profile it supplies nothing.
 */
public class DevDefaults implements ConfigSourceFactory {

    public static final Path HOME = Path.of("target", "maf-dev");
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        ConfigValue fqdn = context.getValue("maf.fqdn");
        try {
            DevPki pki = DevPki.ensure(HOME.resolve("pki"), fqdn == null || fqdn.getValue() == null ? "localhost" : fqdn.getValue());
            return List.of(new PropertiesConfigSource(Map.of(
                    "maf.tls.server-cert", pki.serverCertificate().toString(),
                    "maf.tls.server-key", pki.serverKey().toString(),
                    "maf.tls.trust-anchors", pki.caCertificate().toString(),
                    "maf.crypto.kek", devKek(HOME.resolve("secrets").resolve("kek.b64")),
                    "maf.crypto.kek-id", "dev-k1"), "maf-dev-defaults", ORDINAL));
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
