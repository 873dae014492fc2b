package org.openmaf.admin;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.tls.PskCredential;
import org.openmaf.wire.KmId;

/** The admin API's JSON for pre-provisioned Master Credentials (contract section 8); Km goes in, never out. */
public final class PskCredentialMessages {

    static final int MIN_KM_BYTES = 16;
    static final int MAX_KM_BYTES = 64;

    private PskCredentialMessages() {
    }

    @Schema(name = "PskCredentialCreate")
    public record Create(
            @Schema(required = true, description = "KmID = <relative KmID>@<MAF-FQDN> (TS-0003 10.6): the psk_identity the"
                    + " device sends; the relative part is 1 to 64 letters, digits, '-', '_', '.' (case-insensitive)",
                    examples = KmId.EXAMPLE) String kmID,
            @Schema(required = true, description = "The MAF client ID this Km authenticates",
                    examples = "//my.m2mprovider.org/device-0001") String mafClientID,
            @Schema(required = true, description = "Km: standard base64 of 16 to 64 bytes. Never returned.",
                    examples = "AAECAwQFBgcICQoLDA0ODw==") String key,
            @Schema(description = "m2m:timestamp after which the Km no longer authenticates; none: until deleted",
                    examples = "20271122T183000") String expirationTime) {

        @Override
        public String toString() {
            return "Create[kmID=" + kmID + ", mafClientID=" + mafClientID + "]";
        }
    }

    @Schema(name = "PskCredential")
    public record View(
            @Schema(examples = KmId.EXAMPLE) String kmID,
            @Schema(examples = "//my.m2mprovider.org/device-0001") String mafClientID,
            @Schema(implementation = String.class, examples = "20271122T183000") Instant expirationTime,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant createdAt,
            @Schema(description = "Subject of the admin token that provisioned it") String createdBy) {

        static View of(PskCredential credential) {
            return new View(credential.kmId, credential.clientId, credential.expirationTime, credential.createdAt,
                    credential.createdBy);
        }
    }
}
