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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.Attributes;
import org.openmaf.wire.MafNames;
import org.openmaf.onem2m.OneM2mResponses;
import org.openmaf.onem2m.Rsc;
import org.openmaf.tls.AuthenticatedClient;

/** HTTP mapping of the MAF client registration procedures (contract section 3). Thin: one service call each. */
@Path(MafNames.CLIENT_REGS)
@Consumes({ MediaType.APPLICATION_JSON, MafNames.ONEM2M_JSON })
@Produces({ MediaType.APPLICATION_JSON, MafNames.ONEM2M_JSON })
@Tag(name = "MAF client registration", description = "TS-0003 8.8.2.3 to 8.8.2.6; mutual TLS, the client certificate names the client")
public class ClientRegistrationResource {

    @Inject
    RegistrationService registrations;

    @Inject
    AuthenticatedClient client;

    @Inject
    MafConfig config;

    @POST
    @Operation(summary = "MAF Client Registration (TS-0003 8.8.2.3)")
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
    public Response retrieve(@PathParam("mafClientRegID") String id) {
        return OneM2mResponses.success(Rsc.OK)
                .entity(new ClientRegMessages.Response(ClientRegMessages.View.of(registrations.retrieve(client.id(), id), config)))
                .build();
    }

    @GET
    @Path("{mafClientRegID}/" + MafNames.CLIENT_CFG)
    @Operation(summary = "MAF Client Configuration Retrieval (TS-0003 8.8.2.4)")
    public Response configuration(@PathParam("mafClientRegID") String id) {
        return OneM2mResponses.success(Rsc.OK)
                .entity(new ClientRegMessages.CfgResponse(ClientRegMessages.Cfg.of(registrations.configuration(client.id(), id), config)))
                .build();
    }

    @PUT
    @Path("{mafClientRegID}")
    @Operation(summary = "MAF Client Registration Update (TS-0003 8.8.2.5)")
    public Response update(@PathParam("mafClientRegID") String id, ClientRegMessages.UpdateRequest request) {
        ClientRegMessages.Update update = Attributes.root(request == null ? null : request.body(), MafNames.CLIENT_REG_ROOT);
        ClientRegistration updated = registrations.update(client.id(), id, update);
        return OneM2mResponses.success(Rsc.UPDATED)
                .entity(new ClientRegMessages.Response(ClientRegMessages.View.ofUpdate(updated, update))).build();
    }

    @DELETE
    @Path("{mafClientRegID}")
    @Operation(summary = "MAF Client De-Registration (TS-0003 8.8.2.6)")
    public Response deregister(@PathParam("mafClientRegID") String id) {
        registrations.deregister(client.id(), id);
        return OneM2mResponses.success(Rsc.DELETED).build();
    }
}
