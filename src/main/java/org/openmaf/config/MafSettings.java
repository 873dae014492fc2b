package org.openmaf.config;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the HTTPS endpoint's TLS ({@code quarkus.tls.maf.*}) at the files named by {@code maf.tls.*}, so operators
 * configure the MAF with its own keys only; {@link RequiredSettings} names what is missing. Configuration knows
 * nothing of the dev profile: the dev package plugs its generated settings in as a factory of its own
 * ({@code org.openmaf.dev.DevDefaults}), just below this one.
 */
public class MafSettings implements ConfigSourceFactory {

    /**
     * The name of the HTTPS endpoint's TLS configuration ({@code quarkus.tls.maf.*}, {@code quarkus.http.tls-configuration-name}).
     * It is a named one, not Quarkus's default, because the management interface (contract section 9) takes the default
     * configuration when there is one, and would then serve health and metrics over TLS where probes expect plain HTTP.
     */
    public static final String TLS_CONFIGURATION = "maf";

    static final Map<String, String> WIRED_TLS_SETTINGS = Map.of(
            "quarkus.tls.maf.key-store.pem.maf.cert", "${maf.tls.server-cert}",
            "quarkus.tls.maf.key-store.pem.maf.key", "${maf.tls.server-key}",
            "quarkus.tls.maf.trust-store.pem.certs", "${maf.tls.trust-anchors}",
            // Optional: without CRL files the registry reads none. Reloading is ServerTlsMaterial's (maf.tls.reload-period).
            "quarkus.tls.maf.certificate-revocation-list", "${maf.tls.crls:}");

    /** Below application.properties (250), environment variables (300) and system properties (400). */
    public static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(WIRED_TLS_SETTINGS, "maf-settings", ORDINAL));
    }
}
