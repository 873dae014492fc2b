package org.openmaf.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

/**
 * MAF Client Configurations. Client IDs contain slashes, so they travel in the body and in query parameters, never
 * in a path segment.
 */
@Path(AdminApi.BASE_PATH + "/client-configurations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: client configurations", description = "What a client gets from GET /maf/mafClientRegs/{id}/mafClientCfg"
        + " (TS-0003 8.8.2.4), per client and stakeholder")
public class ClientConfigurationResource {

    @Inject
    ClientConfigurationAdmin configurations;

    @GET
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "List client configurations", description = "Give both clientId and adminFqdn to read one.")
    @APIResponse(responseCode = "200", description = "One page of configurations")
    public Listing<ClientConfigurationMessages.Body> list(
            @Parameter(example = "//my.m2mprovider.org/mn-cse-123456") @QueryParam("clientId") String clientId,
            @Parameter(example = "my.m2mprovider.org") @QueryParam("adminFqdn") String adminFqdn,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Entries per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        return configurations.list(clientId, adminFqdn, Paging.of(page, size));
    }

    @PUT
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Attach or replace a client configuration",
            description = "Replaces the whole configuration for the body's clientId and adminFqdn.")
    @APIResponse(responseCode = "201", description = "Attached", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClientConfigurationMessages.Body.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClientConfigurationMessages.Body.class)))
    public Response put(ClientConfigurationMessages.Body request) {
        ClientConfigurationAdmin.PutResult result = configurations.put(AdminInput.body(request));
        return OneM2mResponses.success(result.created() ? Rsc.CREATED : Rsc.UPDATED).entity(result.configuration()).build();
    }

    @DELETE
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Detach a client configuration", description = "The client's mafClientCfg retrieval then answers 4004.")
    @APIResponse(responseCode = "204", description = "Detached")
    @APIResponse(responseCode = "404", description = "None attached (X-M2M-RSC 4004)")
    public Response delete(
            @Parameter(required = true, example = "//my.m2mprovider.org/mn-cse-123456") @QueryParam("clientId") String clientId,
            @Parameter(required = true, example = "my.m2mprovider.org") @QueryParam("adminFqdn") String adminFqdn) {
        configurations.delete(clientId, adminFqdn);
        return OneM2mResponses.success(Rsc.DELETED).status(Response.Status.NO_CONTENT).build();
    }
}
