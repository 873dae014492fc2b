package org.openmaf.registration;

import static org.openmaf.wire.MafNames.*;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.config.MafConfig;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON of m2m:mafClientReg and m2m:mafClientCfg (contract section 3). Names come from MafNames only. */
public final class ClientRegMessages {

    private ClientRegMessages() {
    }

    /** MAF Client Registration request (TS-0003 table 8.8.2.3-1). */
    @Schema(name = "MafClientRegCreate")
    public record Create(
            @JsonProperty(ADMIN_FQDN) @Schema(required = true, examples = "my.m2mprovider.org") String adminFqdn,
            @JsonProperty(MAF_FQDN) @Schema(examples = "maf.my.m2mprovider.org") String mafFqdn,
            @JsonProperty(EXPIRATION_TIME) @Schema(implementation = String.class, examples = "20271122T183000") Instant expirationTime,
            @JsonProperty(LABELS) List<String> labels) {
    }

    @Schema(name = "MafClientRegCreateRequest", description = "MAF Client Registration request: {\"m2m:mafClientReg\": {...}}")
    public record CreateRequest(@JsonProperty(CLIENT_REG_ROOT) @Schema(required = true) Create body) {
    }

    /** MAF Client Registration Update request (TS-0003 table 8.8.2.5-1). */
    @Schema(name = "MafClientRegUpdate")
    public record Update(
            @JsonProperty(MAF_FQDN) String mafFqdn,
            @JsonProperty(EXPIRATION_TIME) @Schema(implementation = String.class, examples = "20271122T183000") Instant expirationTime,
            @JsonProperty(LABELS) List<String> labels) {
    }

    @Schema(name = "MafClientRegUpdateRequest", description = "MAF Client Registration Update request")
    public record UpdateRequest(@JsonProperty(CLIENT_REG_ROOT) @Schema(required = true) Update body) {
    }

    @Schema(name = "MafClientReg")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            @JsonProperty(MAF_CLIENT_REG_ID) String mafClientRegId,
            @JsonProperty(MAF_CLIENT_ID) String mafClientId,
            @JsonProperty(MAF_FQDN) String mafFqdn,
            @JsonProperty(ADMIN_FQDN) String adminFqdn,
            @JsonProperty(EXPIRATION_TIME) @Schema(implementation = String.class, examples = "20271122T183000") Instant expirationTime,
            @JsonProperty(LABELS) List<String> labels,
            @JsonProperty(CREATION_TIME) @Schema(implementation = String.class) Instant creationTime,
            @JsonProperty(LAST_MODIFIED_TIME) @Schema(implementation = String.class) Instant lastModifiedTime) {

        static View of(ClientRegistration registration, MafConfig config) {
            return new View(registration.id, registration.clientId, config.fqdn(), registration.adminFqdn,
                    registration.expirationTime, registration.labels, registration.creationTime, registration.lastModifiedTime);
        }

        /** TS-0003 table 8.8.2.5-2: the update response carries only what the request carried. */
        static View ofUpdate(ClientRegistration registration, Update update) {
            return new View(null, null, null, null, update.expirationTime() == null ? null : registration.expirationTime,
                    update.labels() == null ? null : registration.labels, null, null);
        }
    }

    @Schema(name = "MafClientRegResponse", description = "A MAF client registration as the MAF answers it")
    public record Response(@JsonProperty(CLIENT_REG_ROOT) View body) {
    }

    /** sec:keyRegCfg (TS-0003 12.4.3). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MafKeyRegCfg")
    public record KeyRegCfg(
            @JsonProperty(ADMIN_FQDN) String adminFqdn,
            @JsonProperty(SUID) Integer suid,
            @JsonProperty(TARGET_IDS) List<String> targetIds,
            @JsonProperty(EXPIRATION_TIME) @Schema(implementation = String.class) Instant expirationTime,
            @JsonProperty(LABELS) List<String> labels) {
    }

    /** sec:clientRegCfg (TS-0003 12.4.2) with the key registration configuration attached. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MafClientCfg")
    public record Cfg(
            @JsonProperty(FQDN) String fqdn,
            @JsonProperty(ADMIN_FQDN) String adminFqdn,
            @JsonProperty(HTTP_PORT) Integer httpPort,
            @JsonProperty(EXPIRATION_TIME) @Schema(implementation = String.class) Instant expirationTime,
            @JsonProperty(LABELS) List<String> labels,
            @JsonProperty(KEY_REG_CFG) KeyRegCfg keyRegCfg) {

        static Cfg of(ClientConfiguration cfg, MafConfig config) {
            KeyRegCfg key = cfg.keyRegSuid == null && cfg.keyRegTargetIds == null ? null
                    : new KeyRegCfg(cfg.adminFqdn, cfg.keyRegSuid, cfg.keyRegTargetIds, cfg.keyRegExpirationTime, cfg.keyRegLabels);
            return new Cfg(config.fqdn(), cfg.adminFqdn, cfg.httpPort, cfg.expirationTime, cfg.labels, key);
        }
    }

    @Schema(name = "MafClientCfgResponse", description = "The MAF client configuration attached to a registration")
    public record CfgResponse(@JsonProperty(CLIENT_CFG_ROOT) Cfg body) {
    }
}
