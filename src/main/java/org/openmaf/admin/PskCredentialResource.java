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

/** Pre-provisioned Master Credentials (Km, KmID) for the PSK-based MAF Handshake (contract section 8). */
@Path(AdminApi.BASE_PATH + "/psk-credentials")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: PSK credentials", description = "Provision a Master Credential Km with its KmID (TS-0003 8.8.2.2,"
        + " contract section 8): the device then authenticates on maf.psk.port with psk_identity = KmID, psk = Km."
        + " Km is sealed under the KEK and never returned; a deletion or expiry applies from the next handshake on.")
public class PskCredentialResource {

    @Inject
    PskCredentialAdmin credentials;

    @GET
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "List PSK credentials", description = "Metadata only, oldest first, optionally of one client.")
    @APIResponse(responseCode = "200", description = "One page of PSK credentials")
    public Listing<PskCredentialMessages.View> list(
            @Parameter(description = "Only credentials of this client ID", example = "//my.m2mprovider.org/device-0001")
            @QueryParam("mafClientID") String clientId,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Entries per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        return credentials.list(clientId, Paging.of(page, size));
    }

    @GET
    @Path("{kmID}")
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "Read one PSK credential (metadata only)")
    @APIResponse(responseCode = "200", description = "The credential, without Km")
    @APIResponse(responseCode = "404", description = "No credential with this KmID (X-M2M-RSC 4004)")
    public PskCredentialMessages.View read(@PathParam("kmID") String kmId) {
        return credentials.read(kmId);
    }

    @POST
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Provision a Km for a MAF client", description = "The key is never returned.")
    @APIResponse(responseCode = "201", description = "Provisioned; Location names the credential",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PskCredentialMessages.View.class)))
    @APIResponse(responseCode = "409", description = "The KmID exists already, or the client ID authenticates with a"
            + " certificate (X-M2M-RSC 4105)")
    public Response provision(PskCredentialMessages.Create request) {
        PskCredentialMessages.View created = credentials.provision(AdminInput.body(request));
        return OneM2mResponses.success(Rsc.CREATED)
                .header("Location", AdminApi.BASE_PATH + "/psk-credentials/" + created.kmID())
                .entity(created).build();
    }

    @DELETE
    @Path("{kmID}")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Delete a PSK credential", description = "The next handshake with this KmID fails.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No credential with this KmID (X-M2M-RSC 4004)")
    public Response delete(@PathParam("kmID") String kmId) {
        credentials.delete(kmId);
        return OneM2mResponses.success(Rsc.DELETED).status(Response.Status.NO_CONTENT).build();
    }
}
