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

/** Certificate bindings: a certificate's SHA-256 fingerprint names a MAF client, whatever its subjectAltName says. */
@Path(AdminApi.BASE_PATH + "/certificate-bindings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: certificate bindings", description = "Bind a client certificate (SHA-256 fingerprint) to a MAF client ID"
        + " (contract section 1). A binding wins over the certificate's subjectAltName from the next request on.")
public class CertificateBindingResource {

    @Inject
    CertificateBindingAdmin bindings;

    @GET
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "List certificate bindings", description = "Oldest first, optionally of one client.")
    @APIResponse(responseCode = "200", description = "One page of bindings")
    public Listing<CertificateBindingMessages.View> list(
            @Parameter(description = "Only bindings to this client ID", example = "//my.m2mprovider.org/mn-cse-123456")
            @QueryParam("clientId") String clientId,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Entries per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        return bindings.list(clientId, Paging.of(page, size));
    }

    @GET
    @Path("{fingerprintSha256}")
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "Read one certificate binding")
    @APIResponse(responseCode = "200", description = "The binding")
    @APIResponse(responseCode = "404", description = "No binding for this fingerprint (X-M2M-RSC 4004)")
    public CertificateBindingMessages.View read(@PathParam("fingerprintSha256") String fingerprint) {
        return bindings.read(fingerprint);
    }

    @POST
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Bind a certificate to a MAF client ID")
    @APIResponse(responseCode = "201", description = "Bound; Location names the binding",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateBindingMessages.View.class)))
    @APIResponse(responseCode = "409", description = "The certificate is bound already (X-M2M-RSC 4105)")
    public Response create(CertificateBindingMessages.Create request) {
        CertificateBindingMessages.View created = bindings.create(AdminInput.body(request));
        return OneM2mResponses.success(Rsc.CREATED)
                .header("Location", AdminApi.BASE_PATH + "/certificate-bindings/" + created.fingerprintSha256())
                .entity(created).build();
    }

    @DELETE
    @Path("{fingerprintSha256}")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Remove a certificate binding", description = "The certificate's subjectAltName names the client again.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No binding for this fingerprint (X-M2M-RSC 4004)")
    public Response delete(@PathParam("fingerprintSha256") String fingerprint) {
        bindings.delete(fingerprint);
        return OneM2mResponses.success(Rsc.DELETED).status(Response.Status.NO_CONTENT).build();
    }
}
