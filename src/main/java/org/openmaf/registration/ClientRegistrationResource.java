package org.openmaf.registration;

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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.Attributes;
import org.openmaf.wire.MafNames;
import org.openmaf.onem2m.OneM2mResponses;
import org.openmaf.onem2m.Rsc;
import org.openmaf.tls.AuthenticatedClient;

/**
 * HTTP mapping of the MAF client registration procedures (contract section 3). Thin: one service call each. The
 * answers every /maf operation shares (oneM2M headers, 400, 403, 406, 415, 500, mutual TLS) are documented by
 * {@link org.openmaf.onem2m.MafInterfaceDocument}; each operation names its own.
 */
@Path(MafNames.CLIENT_REGS)
@Consumes({ MediaType.APPLICATION_JSON, MafNames.ONEM2M_JSON })
@Produces({ MediaType.APPLICATION_JSON, MafNames.ONEM2M_JSON })
@Tag(name = "MAF client registration", description = "TS-0003 8.8.2.3 to 8.8.2.6; mutual TLS, the client certificate names the client")
public class ClientRegistrationResource {

    private static final String REG_ID = "mafClientRegID, as the registration answered it";
    private static final String OWN_ONLY = "X-M2M-RSC 4103 ORIGINATOR_HAS_NO_PRIVILEGE: the registration belongs to"
            + " another MAF client. X-M2M-RSC 4106 ORIGINATOR_NOT_AUTHENTICATED: no usable client certificate";
    private static final String NOT_FOUND = "X-M2M-RSC 4004 NOT_FOUND: no such registration, or it expired or was"
            + " de-registered";

    @Inject
    RegistrationService registrations;

    @Inject
    AuthenticatedClient client;

    @Inject
    MafConfig config;

    @POST
    @Operation(summary = "MAF Client Registration (TS-0003 8.8.2.3)", description = "The client ID comes from the client"
            + " certificate; the client must be authorized by the stakeholder adminFQDN. expirationTime is capped at the"
            + " stakeholder's maximum registration lifetime, which is also its default.")
    @APIResponse(responseCode = "201", description = "Registered (X-M2M-RSC 2001 CREATED)",
            headers = @Header(name = "Content-Location", description = "/maf/mafClientRegs/{mafClientRegID}",
                    schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = ClientRegMessages.Response.class)))
    @APIResponse(responseCode = "403", description = "X-M2M-RSC 4103 ORIGINATOR_HAS_NO_PRIVILEGE: this MAF serves no"
            + " stakeholder adminFQDN, or it does not authorize the client. X-M2M-RSC 4106 ORIGINATOR_NOT_AUTHENTICATED:"
            + " no usable client certificate")
    @APIResponse(responseCode = "409", description = "X-M2M-RSC 4105 CONFLICT: the client is already registered for"
            + " adminFQDN; update or de-register that registration")
    public Response register(ClientRegMessages.CreateRequest request) {
        ClientRegistration created = registrations.register(client.id(),
                Attributes.root(request == null ? null : request.body(), MafNames.CLIENT_REG_ROOT));
        return OneM2mResponses.success(Rsc.CREATED)
                .header("Content-Location", MafNames.CLIENT_REGS + "/" + created.id)
                .entity(new ClientRegMessages.Response(ClientRegMessages.View.of(created, config))).build();
    }

    @GET
    @Path("{mafClientRegID}")
    @Operation(summary = "Retrieve the caller's own MAF client registration")
    @APIResponse(responseCode = "200", description = "X-M2M-RSC 2000 OK",
            content = @Content(schema = @Schema(implementation = ClientRegMessages.Response.class)))
    @APIResponse(responseCode = "403", description = OWN_ONLY)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response retrieve(@Parameter(description = REG_ID) @PathParam("mafClientRegID") String id) {
        return OneM2mResponses.success(Rsc.OK)
                .entity(new ClientRegMessages.Response(ClientRegMessages.View.of(registrations.retrieve(client.id(), id), config)))
                .build();
    }

    @GET
    @Path("{mafClientRegID}/" + MafNames.CLIENT_CFG)
    @Operation(summary = "MAF Client Configuration Retrieval (TS-0003 8.8.2.4)", description = "What an operator attached"
            + " for this client and stakeholder (/admin/client-configurations).")
    @APIResponse(responseCode = "200", description = "X-M2M-RSC 2000 OK",
            content = @Content(schema = @Schema(implementation = ClientRegMessages.CfgResponse.class)))
    @APIResponse(responseCode = "403", description = OWN_ONLY)
    @APIResponse(responseCode = "404", description = NOT_FOUND + "; or no configuration is attached to it")
    public Response configuration(@Parameter(description = REG_ID) @PathParam("mafClientRegID") String id) {
        return OneM2mResponses.success(Rsc.OK)
                .entity(new ClientRegMessages.CfgResponse(ClientRegMessages.Cfg.of(registrations.configuration(client.id(), id), config)))
                .build();
    }

    @PUT
    @Path("{mafClientRegID}")
    @Operation(summary = "MAF Client Registration Update (TS-0003 8.8.2.5)", description = "Needs expirationTime or"
            + " labels; the answer carries only what was sent.")
    @APIResponse(responseCode = "200", description = "X-M2M-RSC 2004 UPDATED",
            content = @Content(schema = @Schema(implementation = ClientRegMessages.Response.class)))
    @APIResponse(responseCode = "403", description = OWN_ONLY)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "X-M2M-RSC 4105 CONFLICT: another request changed or removed the"
            + " registration at the same moment; retrieve it and try again")
    public Response update(@Parameter(description = REG_ID) @PathParam("mafClientRegID") String id, ClientRegMessages.UpdateRequest request) {
        ClientRegMessages.Update update = Attributes.root(request == null ? null : request.body(), MafNames.CLIENT_REG_ROOT);
        ClientRegistration updated = registrations.update(client.id(), id, update);
        return OneM2mResponses.success(Rsc.UPDATED)
                .entity(new ClientRegMessages.Response(ClientRegMessages.View.ofUpdate(updated, update))).build();
    }

    @DELETE
    @Path("{mafClientRegID}")
    @Operation(summary = "MAF Client De-Registration (TS-0003 8.8.2.6)", description = "The keys the client registered"
            + " for this stakeholder stop being served with it.")
    @APIResponse(responseCode = "200", description = "X-M2M-RSC 2002 DELETED; no body")
    @APIResponse(responseCode = "403", description = OWN_ONLY)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response deregister(@Parameter(description = REG_ID) @PathParam("mafClientRegID") String id) {
        registrations.deregister(client.id(), id);
        return OneM2mResponses.success(Rsc.DELETED).build();
    }
}
