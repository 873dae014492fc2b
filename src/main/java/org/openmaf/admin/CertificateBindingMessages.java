package org.openmaf.admin;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.tls.CertificateBinding;

/** The admin API's JSON for certificate bindings (contract section 1). */
public final class CertificateBindingMessages {

    private static final String FINGERPRINT_EXAMPLE = "3f1c8d9e0b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d";

    private CertificateBindingMessages() {
    }

    @Schema(name = "CertificateBindingCreate")
    public record Create(
            @Schema(required = true, description = "SHA-256 of the DER certificate: 64 hex digits; colons and upper case"
                    + " (openssl x509 -noout -fingerprint -sha256) are accepted", examples = FINGERPRINT_EXAMPLE)
            String fingerprintSha256,
            @Schema(required = true, description = "The MAF client ID the certificate proves, whatever its subjectAltName says",
                    examples = "//my.m2mprovider.org/mn-cse-123456") String clientId) {
    }

    @Schema(name = "CertificateBinding")
    public record View(
            @Schema(examples = FINGERPRINT_EXAMPLE) String fingerprintSha256,
            @Schema(examples = "//my.m2mprovider.org/mn-cse-123456") String clientId,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant createdAt,
            @Schema(description = "Subject of the admin token that created it") String createdBy) {

        static View of(CertificateBinding binding) {
            return new View(binding.fingerprintSha256, binding.clientId, binding.createdAt, binding.createdBy);
        }
    }
}
