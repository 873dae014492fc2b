package org.openmaf.client;

import java.time.Instant;
import java.util.List;

/**
 * {@code m2m:mafClientCfg}: what the operator configured for this client's registration (MAF Client Configuration
 * Retrieval, TS-0003 8.8.2.4; configuration contents per TS-0003 12.4.2 / 12.4.3).
 */
public record MafClientConfiguration(String fqdn, String adminFqdn, Integer httpPort, Instant expirationTime, List<String> labels,
        KeyRegistrationConfiguration keyRegistration) {

    /** {@code mafKeyRegCfg}: defaults for the client's MAF Key Registrations; null when none is attached. */
    public record KeyRegistrationConfiguration(String adminFqdn, Integer suid, List<String> targetIds, Instant expirationTime,
            List<String> labels) {
    }
}
