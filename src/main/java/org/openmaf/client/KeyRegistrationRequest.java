package org.openmaf.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.openmaf.wire.ClientId;
import org.openmaf.wire.Fqdn;

/**
 * The parameters of a MAF Key Registration (TS-0003 table 8.8.2.7-1): the administrating stakeholder, the Security
 * Usage Identifier (TS-0004: 32 MAF-based SAEF, 33 ESPrim, 34/35 ESData) and the target client IDs allowed to retrieve
 * the key. {@code expirationTime} and {@code labels} are optional (null).
 */
public record KeyRegistrationRequest(String adminFqdn, int suid, List<String> targetIds, Instant expirationTime, List<String> labels) {

    /** SUID of the MAF-based Security Association Establishment Framework (TS-0003 8.2.2.3). */
    public static final int SUID_MAF_SAEF = 32;

    public KeyRegistrationRequest {
        Objects.requireNonNull(adminFqdn, "adminFqdn");
        if (!Fqdn.isValid(adminFqdn)) {
            throw new IllegalArgumentException("adminFqdn is not an FQDN: " + adminFqdn);
        }
        targetIds = List.copyOf(targetIds);
        if (targetIds.isEmpty()) {
            throw new IllegalArgumentException("a key registration names at least one target ID");
        }
        for (String target : targetIds) {
            // The MAF's own rule, so a request it would refuse with 4000 fails here, before a TLS connection is spent.
            if (!ClientId.isValid(target)) {
                throw new IllegalArgumentException("target ID " + target + " is not an absolute CSE-ID or AE-ID //SP-ID/id");
            }
        }
        labels = labels == null ? null : List.copyOf(labels);
    }

    /** A key for the MAF-based SAEF between this client and one target, e.g. an IN-CSE. */
    public static KeyRegistrationRequest forSaef(String adminFqdn, String targetId) {
        return new KeyRegistrationRequest(adminFqdn, SUID_MAF_SAEF, List.of(targetId), null, null);
    }
}
