package org.openmaf.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.openmaf.dev.DevDefaults;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the HTTPS endpoint's TLS ({@code quarkus.tls.*}) at the files named by {@code maf.tls.*}, so operators
 * configure the MAF with its own keys only; {@link RequiredSettings} names what is missing. In the dev profile it also
 * supplies the generated dev settings ({@link DevDefaults}); no other profile ever sees a dev default.
 */
public class MafSettings implements ConfigSourceFactory {

    static final Map<String, String> WIRED_TLS_SETTINGS = Map.of(
            "quarkus.tls.key-store.pem.maf.cert", "${maf.tls.server-cert}",
            "quarkus.tls.key-store.pem.maf.key", "${maf.tls.server-key}",
            "quarkus.tls.trust-store.pem.certs", "${maf.tls.trust-anchors}");

    /** Below application.properties (250), environment variables (300) and system properties (400). */
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> supplied = new HashMap<>(WIRED_TLS_SETTINGS);
        if (context.getProfiles().contains("dev")) {
            ConfigValue fqdn = context.getValue("maf.fqdn");
            supplied.putAll(DevDefaults.settings(fqdn == null ? null : fqdn.getValue()));
        }
        return List.of(new PropertiesConfigSource(supplied, "maf-settings", ORDINAL));
    }
}
