package org.openmaf.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Names every missing required setting in one message when the MAF starts (contract section 5), instead of failing on
 * the first file the TLS layer cannot find. It runs when the endpoint's TLS settings are first read, which is before
 * anything else needs them; as an interceptor it sees every source, including files named by
 * {@code quarkus.config.locations}.
 */
public class RequiredSettings implements ConfigSourceInterceptor {

    static final Map<String, String> REQUIRED = new LinkedHashMap<>();
    static {
        REQUIRED.put("maf.fqdn", "the MAF-FQDN, used in Key Identifiers");
        REQUIRED.put("maf.tls.server-cert", "PEM certificate chain of the MAF endpoint");
        REQUIRED.put("maf.tls.server-key", "PEM (PKCS#8) private key of the MAF endpoint");
        REQUIRED.put("maf.tls.trust-anchors", "PEM file(s) of the CAs that MAF client certificates chain to");
        REQUIRED.put("maf.crypto.kek", "base64 of the 32-byte key-encryption key");
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (MafSettings.WIRED_TLS_SETTINGS.containsKey(name) && startingToRun()) {
            List<String> missing = new ArrayList<>();
            REQUIRED.forEach((key, meaning) -> {
                ConfigValue value = context.proceed(key);
                if (value == null || value.getValue() == null || value.getValue().isBlank()) {
                    missing.add("  " + key + " (" + meaning + ")");
                }
            });
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The MAF cannot start: these settings are missing:\n" + String.join("\n", missing)
                        + "\nSet them in application.properties, a file named by -Dquarkus.config.locations, environment"
                        + " variables (e.g. MAF_FQDN) or -D options. See README, 'Configuration'.");
            }
        }
        return context.proceed(name);
    }

    /** The build and static init read configuration too; only a starting MAF needs these settings. */
    private static boolean startingToRun() {
        ExecutionMode mode = ExecutionMode.current();
        return mode == ExecutionMode.RUNTIME_INIT || mode == ExecutionMode.RUNNING;
    }
}
