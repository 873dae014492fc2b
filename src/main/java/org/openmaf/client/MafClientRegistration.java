package org.openmaf.client;

import java.time.Instant;
import java.util.List;

/**
 * {@code m2m:mafClientReg}: this client's registration with the MAF (TS-0003 8.8.2.3). After an update only the
 * updated attributes are present (the others are null), as the MAF answers with only what was sent.
 */
public record MafClientRegistration(String mafClientRegId, String mafClientId, String mafFqdn, String adminFqdn,
        Instant expirationTime, List<String> labels, Instant creationTime, Instant lastModifiedTime) {
}
