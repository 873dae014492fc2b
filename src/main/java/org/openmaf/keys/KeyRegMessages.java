package org.openmaf.keys;

import static org.openmaf.wire.MafNames.*;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON of m2m:symmKeyReg (contract section 3). Names come from MafNames only. */
public final class KeyRegMessages {

    private KeyRegMessages() {
    }

    /** MAF Key Registration request (TS-0003 table 8.8.2.7-1). */
    @Schema(name = "SymmKeyRegCreate")
    public record Create(
            @JsonProperty(ADMIN_FQDN) @Schema(required = true, examples = "my.m2mprovider.org") String adminFqdn,
            @JsonProperty(SUID) @Schema(required = true, examples = "32", enumeration = { "32", "33", "34", "35" }) Integer suid,
            @JsonProperty(TARGET_IDS) @Schema(required = true, examples = "[\"//my.m2mprovider.org/in-cse\"]") List<String> targetIds,
            @JsonProperty(EXPIRATION_TIME) @Schema(implementation = String.class, examples = "20261129T183000") Instant expirationTime,
            @JsonProperty(LABELS) List<String> labels,
            @JsonProperty(KEY_VALUE) @Schema(description = "Self-generated key, base64 of 16 to 64 bytes. Omit it to use the"
                    + " TLS exporter of this connection (TS-0003 10.3.1).") String keyValue,
            @JsonProperty(MAF_FQDN) String mafFqdn) {

        @Override
        public String toString() {
            return "Create[adminFQDN=" + adminFqdn + ", suid=" + suid + ", keyValue=" + (keyValue == null ? "absent" : "<hidden>") + "]";
        }
    }

    @Schema(name = "SymmKeyRegCreateRequest", description = "MAF Key Registration request: {\"m2m:symmKeyReg\": {...}}")
    public record CreateRequest(@JsonProperty(KEY_REG_ROOT) @Schema(required = true) Create body) {
    }

    /** MAF Key Registration Update request (TS-0003 table 8.8.2.9-1). */
    @Schema(name = "SymmKeyRegUpdate")
    public record Update(
            @JsonProperty(EXPIRATION_TIME) @Schema(implementation = String.class, examples = "20261129T183000") Instant expirationTime,
            @JsonProperty(LABELS) List<String> labels,
            @JsonProperty(TARGET_IDS) List<String> targetIds,
            @JsonProperty(MAF_FQDN) String mafFqdn) {
    }

    @Schema(name = "SymmKeyRegUpdateRequest", description = "MAF Key Registration Update request")
    public record UpdateRequest(@JsonProperty(KEY_REG_ROOT) @Schema(required = true) Update body) {
    }

    @Schema(name = "SymmKeyReg")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            @JsonProperty(RELATIVE_KEY_ID) String relativeKeyId,
            @JsonProperty(KEY_IDENTIFIER) String keyIdentifier,
            @JsonProperty(SOURCE_ID) String sourceId,
            @JsonProperty(ADMIN_FQDN) String adminFqdn,
            @JsonProperty(SUID) Integer suid,
            @JsonProperty(TARGET_IDS) List<String> targetIds,
            @JsonProperty(EXPIRATION_TIME) @Schema(implementation = String.class, examples = "20261129T183000") Instant expirationTime,
            @JsonProperty(LABELS) List<String> labels,
            @JsonProperty(KEY_VALUE) @Schema(description = "Kc, base64; only in a retrieval by a target") String keyValue) {

        @Override
        public String toString() {
            return "View[" + relativeKeyId + ", keyValue=" + (keyValue == null ? "absent" : "<hidden>") + "]";
        }
    }

    @Schema(name = "SymmKeyRegResponse", description = "A key registration as the MAF answers it")
    public record Response(@JsonProperty(KEY_REG_ROOT) View body) {
    }
}
