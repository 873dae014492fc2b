package org.openmaf.admin;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.keys.KeyReference;
import org.openmaf.keys.KeyRegistration;
import org.openmaf.registration.ClientRegistration;

/**
 * What operators see of client and key registrations. A key's metadata only: the key value and its ciphertext never
 * leave the MAF through this API.
 */
public final class RegistrationMessages {

    private RegistrationMessages() {
    }

    @Schema(name = "ClientRegistrationRecord")
    public record ClientRegistrationView(
            @Schema(description = "mafClientRegID") String id,
            @Schema(examples = "//my.m2mprovider.org/mn-cse-123456") String clientId,
            @Schema(examples = "my.m2mprovider.org") String adminFqdn,
            List<String> labels,
            @Schema(implementation = String.class, examples = "20271122T183000") Instant expirationTime,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant creationTime,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant lastModifiedTime) {

        static ClientRegistrationView of(ClientRegistration registration) {
            return new ClientRegistrationView(registration.id, registration.clientId, registration.adminFqdn,
                    registration.labels, registration.expirationTime, registration.creationTime, registration.lastModifiedTime);
        }
    }

    @Schema(name = "KeyRegistrationRecord", description = "Metadata of a registered key; never its value")
    public record KeyRegistrationView(
            @Schema(examples = "0F1E2D3C4B5A69788796A5B4C3D2E1F0") String relativeKeyId,
            @Schema(examples = "0F1E2D3C4B5A69788796A5B4C3D2E1F0@maf.my.m2mprovider.org") String keyIdentifier,
            @Schema(examples = "//my.m2mprovider.org/mn-cse-123456") String sourceId,
            @Schema(examples = "my.m2mprovider.org") String adminFqdn,
            @Schema(examples = "32") int suid,
            @Schema(examples = "[\"//my.m2mprovider.org/in-cse\"]") List<String> targetIds,
            List<String> labels,
            @Schema(implementation = String.class, examples = "20261129T183000") Instant expirationTime,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant creationTime,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant lastModifiedTime,
            @Schema(description = "'exporter' (TLS exporter, TS-0003 10.3.1) or 'client' (self-generated)",
                    enumeration = { "exporter", "client" }) String keyOrigin,
            @Schema(description = "Name of the KEK that seals the stored key, for KEK rotation", examples = "k1") String kekId) {

        static KeyRegistrationView of(KeyRegistration key, String mafFqdn) {
            return new KeyRegistrationView(key.relativeKeyId, KeyReference.keyIdentifier(key.relativeKeyId, mafFqdn),
                    key.sourceId, key.adminFqdn, key.suid, key.targetIds, key.labels, key.expirationTime, key.creationTime,
                    key.lastModifiedTime, key.keyOrigin, key.kekId);
        }
    }

    @Schema(name = "Revocation", description = "What a revocation removed")
    public record Revocation(
            @Schema(description = "Client registrations removed") long registrations,
            @Schema(description = "Key registrations removed") long keys) {
    }
}
