package org.openmaf.client;

import java.time.Instant;
import java.util.List;

/**
 * {@code m2m:symmKeyReg} without the key value: what the MAF tells the source client about a registered key
 * (TS-0003 table 8.8.2.7-2). After an update only the updated attributes are present (the others are null).
 */
public record KeyMetadata(String relativeKeyId, String keyIdentifier, String sourceId, String adminFqdn, Integer suid,
        List<String> targetIds, Instant expirationTime, List<String> labels) {
}
