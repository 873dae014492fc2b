package org.openmaf.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Client registrations and key registrations as operators see them: listed, read and revoked; key values never. */
@Path(AdminApi.BASE_PATH)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: registrations", description = "MAF client and key registrations: list, read, revoke. Key values and"
        + " their ciphertexts are never shown.")
public class RegistrationResource {

    private static final String PAGE = "Page number, from 0";
    private static final String SIZE = "Entries per page, 1 to 500 (default 50)";

    @Inject
    RegistrationAdmin registrations;

    @GET
    @Path("client-registrations")
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "List client registrations", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "One page of client registrations")
    public Listing<RegistrationMessages.ClientRegistrationView> clientRegistrations(
            @Parameter(description = "Only this client's", example = "//my.m2mprovider.org/mn-cse-123456") @QueryParam("clientId") String clientId,
            @Parameter(description = "Only for this stakeholder", example = "my.m2mprovider.org") @QueryParam("adminFqdn") String adminFqdn,
            @Parameter(description = PAGE) @QueryParam("page") String page,
            @Parameter(description = SIZE) @QueryParam("size") String size) {
        return registrations.clientRegistrations(clientId, adminFqdn, Paging.of(page, size));
    }

    @GET
    @Path("client-registrations/{mafClientRegID}")
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "Read one client registration")
    @APIResponse(responseCode = "200", description = "The registration")
    @APIResponse(responseCode = "404", description = "No such registration (X-M2M-RSC 4004)")
    public RegistrationMessages.ClientRegistrationView clientRegistration(@PathParam("mafClientRegID") String id) {
        return registrations.clientRegistration(id);
    }

    @DELETE
    @Path("client-registrations/{mafClientRegID}")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Revoke a client registration", description = "Like a de-registration (TS-0003 8.8.2.6): the"
            + " keys the client registered for that stakeholder are revoked too.")
    @APIResponse(responseCode = "200", description = "What was revoked")
    @APIResponse(responseCode = "404", description = "No such registration (X-M2M-RSC 4004)")
    public RegistrationMessages.Revocation revokeClientRegistration(@PathParam("mafClientRegID") String id) {
        return registrations.revokeClientRegistration(id);
    }

    @GET
    @Path("key-registrations")
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "List key registrations (metadata only)", description = "Oldest first. Never key values.")
    @APIResponse(responseCode = "200", description = "One page of key registrations")
    public Listing<RegistrationMessages.KeyRegistrationView> keyRegistrations(
            @Parameter(description = "Only keys this client registered", example = "//my.m2mprovider.org/mn-cse-123456")
            @QueryParam("sourceId") String sourceId,
            @Parameter(description = "Only keys for this target", example = "//my.m2mprovider.org/in-cse")
            @QueryParam("targetId") String targetId,
            @Parameter(description = "Only keys under this stakeholder", example = "my.m2mprovider.org") @QueryParam("adminFqdn") String adminFqdn,
            @Parameter(description = "Only keys with this SUID (32 to 35)", example = "32") @QueryParam("suid") String suid,
            @Parameter(description = PAGE) @QueryParam("page") String page,
            @Parameter(description = SIZE) @QueryParam("size") String size) {
        return registrations.keyRegistrations(
                new RegistrationAdmin.KeyFilter(sourceId, targetId, adminFqdn, AdminInput.integer(suid, "suid")),
                Paging.of(page, size));
    }

    @GET
    @Path("key-registrations/{keyReference}")
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "Read one key registration (metadata only)")
    @APIResponse(responseCode = "200", description = "The key's metadata")
    @APIResponse(responseCode = "404", description = "No such key (X-M2M-RSC 4004)")
    public RegistrationMessages.KeyRegistrationView keyRegistration(
            @Parameter(description = "RelativeKeyID or Key Identifier, either case") @PathParam("keyReference") String reference) {
        return registrations.keyRegistration(reference);
    }

    @DELETE
    @Path("key-registrations/{keyReference}")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Revoke one key", description = "No target can retrieve it any more.")
    @APIResponse(responseCode = "200", description = "What was revoked")
    @APIResponse(responseCode = "404", description = "No such key (X-M2M-RSC 4004)")
    public RegistrationMessages.Revocation revokeKey(
            @Parameter(description = "RelativeKeyID or Key Identifier, either case") @PathParam("keyReference") String reference) {
        return registrations.revokeKey(reference);
    }

    @DELETE
    @Path("key-registrations")
    @RolesAllowed(AdminRoles.ADMIN)
    @Operation(summary = "Revoke all keys a client registered", description = "Its client registrations stay; sourceId is required.")
    @APIResponse(responseCode = "200", description = "What was revoked (possibly nothing)")
    public RegistrationMessages.Revocation revokeKeysOf(
            @Parameter(required = true, description = "The source client", example = "//my.m2mprovider.org/mn-cse-123456")
            @QueryParam("sourceId") String sourceId,
            @Parameter(description = "Only those under this stakeholder", example = "my.m2mprovider.org") @QueryParam("adminFqdn") String adminFqdn) {
        return registrations.revokeKeysOf(sourceId, adminFqdn);
    }
}
