package org.openmaf.admin;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.registration.ClientConfiguration;

/**
 * The admin API's JSON for the MAF Client Configuration a client retrieves with
 * {@code GET /maf/mafClientRegs/{id}/mafClientCfg} (TS-0003 12.4.2 sec:clientRegCfg, 12.4.3 sec:keyRegCfg).
 */
public final class ClientConfigurationMessages {

    private ClientConfigurationMessages() {
    }

    @Schema(name = "KeyRegistrationConfiguration", description = "How the client should register its keys (sec:keyRegCfg)")
    public record KeyRegConfig(
            @Schema(required = true, enumeration = { "32", "33", "34", "35" }, examples = "32") Integer suid,
            @Schema(required = true, examples = "[\"//my.m2mprovider.org/in-cse\"]") List<String> targetIds,
            @Schema(implementation = String.class, examples = "20261129T183000") Instant expirationTime,
            List<String> labels) {
    }

    @Schema(name = "ClientConfiguration", description = "Keyed by clientId and adminFqdn")
    public record Body(
            @Schema(required = true, examples = "//my.m2mprovider.org/mn-cse-123456") String clientId,
            @Schema(required = true, description = "A stakeholder of this MAF", examples = "my.m2mprovider.org") String adminFqdn,
            @Schema(examples = "8443") Integer httpPort,
            @Schema(implementation = String.class, examples = "20271122T183000") Instant expirationTime,
            List<String> labels,
            KeyRegConfig keyReg,
            @Schema(readOnly = true, implementation = String.class, examples = "20261122T183000") Instant updatedAt) {

        static Body of(ClientConfiguration cfg) {
            KeyRegConfig key = cfg.keyRegSuid == null ? null
                    : new KeyRegConfig(cfg.keyRegSuid, cfg.keyRegTargetIds, cfg.keyRegExpirationTime, cfg.keyRegLabels);
            return new Body(cfg.clientId, cfg.adminFqdn, cfg.httpPort, cfg.expirationTime, cfg.labels, key, cfg.updatedAt);
        }
    }
}
