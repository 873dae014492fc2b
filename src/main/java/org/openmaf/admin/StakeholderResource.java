package org.openmaf.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Administrating stakeholders: who may register for whom, and the lifetimes they allow. */
@Path(AdminApi.BASE_PATH + "/stakeholders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: stakeholders", description = "Administrating stakeholders (TS-0003 8.8.1). Changes apply at once on every instance.")
public class StakeholderResource {

    @Inject
    StakeholderAdmin stakeholders;

    @GET
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "List the stakeholders", description = "Those from configuration and those created here, by adminFqdn.")
    @APIResponse(responseCode = "200", description = "The stakeholders")
    public List<StakeholderMessages.View> list() {
        return stakeholders.list();
    }

    @GET
    @Path("{adminFqdn}")
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "Read one stakeholder")
    @APIResponse(responseCode = "200", description = "The stakeholder")
    @APIResponse(responseCode = "404", description = "No such stakeholder (X-M2M-RSC 4004)")
    public StakeholderMessages.View read(
            @Parameter(example = "my.m2mprovider.org") @PathParam("adminFqdn") String adminFqdn) {
        return stakeholders.read(adminFqdn);
    }

    @POST
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Create a stakeholder", description = "Clients matching authorizedClients may register for it at once.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StakeholderMessages.View.class)))
    @APIResponse(responseCode = "409", description = "It exists already (X-M2M-RSC 4105)")
    public Response create(StakeholderMessages.Create request) {
        StakeholderMessages.View created = stakeholders.create(AdminInput.body(request));
        return OneM2mResponses.success(Rsc.CREATED).header("Location", AdminApi.BASE_PATH + "/stakeholders/" + created.adminFqdn())
                .entity(created).build();
    }

    @PUT
    @Path("{adminFqdn}")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Change a stakeholder created here", description = "Only the fields sent change. New lifetime"
            + " limits cap registrations and keys from their next registration or update on; changed authorizedClients"
            + " and maxKeysPerClient apply to every key operation from the next request on.")
    @APIResponse(responseCode = "200", description = "The changed stakeholder")
    @APIResponse(responseCode = "400", description = "A field is malformed, e.g. a pattern that is no canonical client ID"
            + " or prefix (X-M2M-RSC 4000)")
    @APIResponse(responseCode = "404", description = "No such stakeholder (X-M2M-RSC 4004)")
    @APIResponse(responseCode = "409", description = "It comes from configuration; change maf.stakeholders.* instead (X-M2M-RSC 4105)")
    public StakeholderMessages.View update(@Parameter(example = "my.m2mprovider.org") @PathParam("adminFqdn") String adminFqdn,
            StakeholderMessages.Update request) {
        return stakeholders.update(adminFqdn, AdminInput.body(request));
    }

    @DELETE
    @Path("{adminFqdn}")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Delete a stakeholder created here", description = "Also removes its clients' registrations, the"
            + " keys registered under it and the client configurations attached for it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such stakeholder (X-M2M-RSC 4004)")
    @APIResponse(responseCode = "409", description = "It comes from configuration; remove it there (X-M2M-RSC 4105)")
    public Response delete(@Parameter(example = "my.m2mprovider.org") @PathParam("adminFqdn") String adminFqdn) {
        stakeholders.delete(adminFqdn);
        return OneM2mResponses.success(Rsc.DELETED).status(Response.Status.NO_CONTENT).build();
    }
}
