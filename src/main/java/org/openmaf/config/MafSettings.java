package org.openmaf.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.openmaf.dev.DevDefaults;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Checks, before anything starts, that the settings production must be given are there, and names every missing one
 * in a single message (contract section 5). It also points the HTTPS endpoint's TLS ({@code quarkus.tls.*}) at the
 * files named by {@code maf.tls.*}, so operators configure the MAF with its own keys only. In the dev profile the
 * missing ones are generated ({@link DevDefaults}); no other profile ever sees a dev default.
 */
public class MafSettings implements ConfigSourceFactory {

    static final Map<String, String> REQUIRED = new LinkedHashMap<>();
    static {
        REQUIRED.put("maf.fqdn", "the MAF-FQDN, used in Key Identifiers");
        REQUIRED.put("maf.tls.server-cert", "PEM certificate chain of the MAF endpoint");
        REQUIRED.put("maf.tls.server-key", "PEM (PKCS#8) private key of the MAF endpoint");
        REQUIRED.put("maf.tls.trust-anchors", "PEM file(s) of the CAs that MAF client certificates chain to");
        REQUIRED.put("maf.crypto.kek", "base64 of the 32-byte key-encryption key");
    }

    /** Below application.properties (250), environment variables (300) and system properties (400). */
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> supplied = new HashMap<>();
        if (context.getProfiles().contains("dev")) {
            DevDefaults.settings(value(context, "maf.fqdn")).forEach((key, value) -> {
                if (value(context, key) == null) {
                    supplied.put(key, value);
                }
            });
        }
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((key, meaning) -> {
            if (value(context, key) == null && !supplied.containsKey(key)) {
                missing.add("  " + key + " (" + meaning + ")");
            }
        });
        if (!missing.isEmpty()) {
            if (!startingToRun()) {
                return List.of(); // the build and static init read config too; only a starting MAF needs these
            }
            throw new IllegalStateException("The MAF cannot start: these settings are missing:\n" + String.join("\n", missing)
                    + "\nSet them in application.properties, a file named by -Dquarkus.config.locations, environment"
                    + " variables (e.g. MAF_FQDN) or -D options. See README, 'Configuration'.");
        }
        supplied.put("quarkus.tls.key-store.pem.maf.cert", "${maf.tls.server-cert}");
        supplied.put("quarkus.tls.key-store.pem.maf.key", "${maf.tls.server-key}");
        supplied.put("quarkus.tls.trust-store.pem.certs", "${maf.tls.trust-anchors}");
        return List.of(new PropertiesConfigSource(supplied, "maf-settings", ORDINAL));
    }

    private static boolean startingToRun() {
        ExecutionMode mode = ExecutionMode.current();
        return mode == ExecutionMode.RUNTIME_INIT || mode == ExecutionMode.RUNNING;
    }

    private static String value(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(key);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
