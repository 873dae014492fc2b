package org.openmaf.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmaf.onem2m.OneM2mResponses;
import org.openmaf.onem2m.Rsc;

/** The certificate block list: a blocked certificate gets 4106 on every /maf request, on every instance, at once. */
@Path(AdminApi.BASE_PATH + "/blocked-certificates")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: blocked certificates", description = "Block a client certificate (SHA-256 fingerprint) before it"
        + " expires (contract section 7): from the next request on, every /maf request with it is answered 4106.")
public class BlockedCertificateResource {

    @Inject
    BlockedCertificateAdmin blockList;

    @GET
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "List blocked certificates", description = "Oldest block first.")
    @APIResponse(responseCode = "200", description = "One page of blocked certificates")
    public Listing<BlockedCertificateMessages.View> list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Entries per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        return blockList.list(Paging.of(page, size));
    }

    @POST
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Block a client certificate", description = "Applies from the next /maf request on, on every"
            + " instance sharing the database; TLS connections already open are refused too.")
    @APIResponse(responseCode = "201", description = "Blocked; Location names the entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BlockedCertificateMessages.View.class)))
    @APIResponse(responseCode = "409", description = "The certificate is blocked already (X-M2M-RSC 4105)")
    public Response block(BlockedCertificateMessages.Create request) {
        BlockedCertificateMessages.View blocked = blockList.block(AdminInput.body(request));
        return OneM2mResponses.success(Rsc.CREATED)
                .header("Location", AdminApi.BASE_PATH + "/blocked-certificates/" + blocked.fingerprintSha256())
                .entity(blocked).build();
    }

    @DELETE
    @Path("{fingerprintSha256}")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Lift a block", description = "The certificate authenticates again from the next request on"
            + " (if it is still valid and not listed in a CRL).")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(responseCode = "404", description = "This certificate is not blocked (X-M2M-RSC 4004)")
    public Response unblock(@PathParam("fingerprintSha256") String fingerprint) {
        blockList.unblock(fingerprint);
        return OneM2mResponses.success(Rsc.DELETED).status(Response.Status.NO_CONTENT).build();
    }
}
