package org.openmaf.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmaf.onem2m.OneM2mResponses;
import org.openmaf.onem2m.Rsc;

/** KEK rotation (README, 'Production'): re-seal every stored key under the current KEK. */
@Path(AdminApi.BASE_PATH + "/kek")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: key-encryption key", description = "Rotate the KEK that seals stored key values: configure the new"
        + " one as maf.crypto.kek (new maf.crypto.kek-id), keep the old one under maf.crypto.previous-keks, restart,"
        + " rewrap, then remove the old one.")
public class KekResource {

    @Inject
    KekAdmin kek;

    @POST
    @Path("rewrap")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Re-seal every stored key under the current KEK", description = "In batches, each its own"
            + " transaction, while the MAF keeps serving; safe to repeat, and to run on one instance of several. When"
            + " 'unreadable' is 0, no stored key (nor the KEK canary) needs a previous KEK any more.")
    @APIResponse(responseCode = "200", description = "Done; the counts (X-M2M-RSC 2004)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KekMessages.RewrapResult.class)))
    public Response rewrap() {
        return OneM2mResponses.success(Rsc.UPDATED).entity(kek.rewrap()).build();
    }
}
