package org.openmaf.keys;

import java.util.Arrays;
import java.util.Base64;

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
import org.openmaf.tls.TlsConnection;

/** HTTP mapping of the MAF key procedures (contract section 3). Thin: one service call each. */
@Path(MafNames.KEY_REGS)
@Consumes({ MediaType.APPLICATION_JSON, MafNames.ONEM2M_JSON })
@Produces({ MediaType.APPLICATION_JSON, MafNames.ONEM2M_JSON })
@Tag(name = "MAF key registration", description = "TS-0003 8.8.2.7 to 8.8.2.10; mutual TLS, the client certificate names the client")
public class KeyRegistrationResource {

    @Inject
    KeyRegistrationService keys;

    @Inject
    AuthenticatedClient client;

    @Inject
    TlsConnection connection;

    @Inject
    MafConfig config;

    @POST
    @Operation(summary = "MAF Key Registration (TS-0003 8.8.2.7)", description = "Without keyValue, Kc and KcID come from"
            + " the TLS exporter of this very connection (EXPORTER-oneM2M-Connection, 48 bytes); one key per connection.")
    public Response register(KeyRegMessages.CreateRequest request) {
        KeyRegistration key = keys.register(client.id(), Attributes.root(request == null ? null : request.body(),
                MafNames.KEY_REG_ROOT), connection::exportConnectionKeys);
        return OneM2mResponses.success(Rsc.CREATED)
                .header("Content-Location", MafNames.KEY_REGS + "/" + key.relativeKeyId)
                .entity(new KeyRegMessages.Response(view(key, null))).build();
    }

    @GET
    @Path("{keyID}")
    @Operation(summary = "MAF Key Retrieval (TS-0003 8.8.2.8)", description = "By RelativeKeyID or Key Identifier. A target"
            + " gets keyValue; the source gets the metadata only.")
    public Response retrieve(@PathParam("keyID") String keyId) {
        KeyRegistrationService.Retrieved retrieved = keys.retrieve(client.id(), keyId);
        String keyValue = null;
        if (retrieved.keyValue() != null) {
            keyValue = Base64.getEncoder().encodeToString(retrieved.keyValue());
            Arrays.fill(retrieved.keyValue(), (byte) 0);
        }
        return OneM2mResponses.success(Rsc.OK).entity(new KeyRegMessages.Response(view(retrieved.registration(), keyValue))).build();
    }

    @PUT
    @Path("{keyID}")
    @Operation(summary = "MAF Key Registration Update (TS-0003 8.8.2.9)")
    public Response update(@PathParam("keyID") String keyId, KeyRegMessages.UpdateRequest request) {
        KeyRegMessages.Update update = Attributes.root(request == null ? null : request.body(), MafNames.KEY_REG_ROOT);
        KeyRegistration key = keys.update(client.id(), keyId, update);
        // TS-0003 table 8.8.2.9-2: only what the request carried.
        return OneM2mResponses.success(Rsc.UPDATED).entity(new KeyRegMessages.Response(new KeyRegMessages.View(null, null, null,
                null, null, update.targetIds() == null ? null : key.targetIds,
                update.expirationTime() == null ? null : key.expirationTime, update.labels() == null ? null : key.labels,
                null))).build();
    }

    @DELETE
    @Path("{keyID}")
    @Operation(summary = "MAF Key De-Registration (TS-0003 8.8.2.10)")
    public Response deregister(@PathParam("keyID") String keyId) {
        keys.deregister(client.id(), keyId);
        return OneM2mResponses.success(Rsc.DELETED).build();
    }

    private KeyRegMessages.View view(KeyRegistration key, String keyValue) {
        return new KeyRegMessages.View(key.relativeKeyId, KeyReference.keyIdentifier(key.relativeKeyId, config.fqdn()),
                key.sourceId, key.adminFqdn, key.suid, key.targetIds, key.expirationTime, key.labels, keyValue);
    }
}
