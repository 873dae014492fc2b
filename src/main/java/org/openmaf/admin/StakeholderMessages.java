package org.openmaf.admin;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.registration.Stakeholder;

/** The admin API's JSON for administrating stakeholders. */
public final class StakeholderMessages {

    private StakeholderMessages() {
    }

    @Schema(name = "StakeholderCreate")
    public record Create(
            @Schema(required = true, description = "The administrating stakeholder's FQDN (adminFQDN in MAF requests)",
                    examples = "my.m2mprovider.org") String adminFqdn,
            @Schema(required = true, description = "Client IDs allowed to register for it: exact, or a prefix ending in '*'",
                    examples = "[\"//my.m2mprovider.org/*\"]") List<String> authorizedClients,
            @Schema(description = "ISO 8601 duration; registrations never outlive it. Default P365D", examples = "P365D")
            String maxRegistrationLifetime,
            @Schema(description = "ISO 8601 duration; keys never outlive it. Default P7D", examples = "P7D")
            String maxKeyLifetime,
            @Schema(description = "How many valid keys one source client may hold for this stakeholder (1 to 1000000);"
                    + " key registrations beyond it are refused with RSC 4000. Default 1000", examples = "1000")
            Integer maxKeysPerClient) {
    }

    @Schema(name = "StakeholderUpdate", description = "Only what is sent changes; at least one field")
    public record Update(
            @Schema(examples = "[\"//my.m2mprovider.org/*\"]") List<String> authorizedClients,
            @Schema(examples = "P365D") String maxRegistrationLifetime,
            @Schema(examples = "P7D") String maxKeyLifetime,
            @Schema(examples = "1000") Integer maxKeysPerClient) {
    }

    @Schema(name = "Stakeholder")
    public record View(
            @Schema(examples = "my.m2mprovider.org") String adminFqdn,
            @Schema(examples = "[\"//my.m2mprovider.org/*\"]") List<String> authorizedClients,
            @Schema(examples = "P365D") String maxRegistrationLifetime,
            @Schema(examples = "P7D") String maxKeyLifetime,
            @Schema(examples = "1000") int maxKeysPerClient,
            @Schema(description = "'config' (maf.stakeholders.*, read-only here) or 'admin' (created through this API)",
                    enumeration = { "config", "admin" }) String managedBy,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant createdAt,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant updatedAt) {

        static View of(Stakeholder stakeholder) {
            return new View(stakeholder.adminFqdn, stakeholder.authorizedClients,
                    AdminInput.iso(stakeholder.maxRegistrationLifetime()), AdminInput.iso(stakeholder.maxKeyLifetime()),
                    stakeholder.maxKeysPerClient, stakeholder.managedBy, stakeholder.createdAt, stakeholder.updatedAt);
        }
    }
}
