package org.openmaf.admin;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.tls.BlockedCertificate;

/** The admin API's JSON for the certificate block list (contract section 7). */
public final class BlockedCertificateMessages {

    private static final String FINGERPRINT_EXAMPLE = "3f1c8d9e0b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d";
    /** The width of blocked_certificate.reason. */
    static final int MAX_REASON = 1000;

    private BlockedCertificateMessages() {
    }

    @Schema(name = "BlockedCertificateCreate")
    public record Create(
            @Schema(required = true, description = "SHA-256 of the DER certificate: 64 hex digits; colons and upper case"
                    + " (openssl x509 -noout -fingerprint -sha256) are accepted", examples = FINGERPRINT_EXAMPLE)
            String fingerprintSha256,
            @Schema(description = "Why, for the operators who read the list later (at most " + MAX_REASON
                    + " characters)", examples = "device reported stolen") String reason) {
    }

    @Schema(name = "BlockedCertificate")
    public record View(
            @Schema(examples = FINGERPRINT_EXAMPLE) String fingerprintSha256,
            @Schema(examples = "device reported stolen") String reason,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant blockedAt,
            @Schema(description = "Subject of the admin token that blocked it") String blockedBy) {

        static View of(BlockedCertificate blocked) {
            return new View(blocked.fingerprintSha256, blocked.reason, blocked.blockedAt, blocked.blockedBy);
        }
    }
}
