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
import org.openmaf.tls.TlsConnection;

/**
 * HTTP mapping of the MAF key procedures (contract section 3). Thin: one service call each. The answers every /maf
 * operation shares (oneM2M headers, 400, 403, 406, 415, 500, mutual TLS) are documented by
 * {@link org.openmaf.onem2m.MafInterfaceDocument}; each operation names its own.
 */
@Path(MafNames.KEY_REGS)
@Consumes({ MediaType.APPLICATION_JSON, MafNames.ONEM2M_JSON })
@Produces({ MediaType.APPLICATION_JSON, MafNames.ONEM2M_JSON })
@Tag(name = "MAF key registration", description = "TS-0003 8.8.2.7 to 8.8.2.10; mutual TLS, the client certificate names the client")
public class KeyRegistrationResource {

    private static final String KEY_ID = "RelativeKeyID (32 hex digits) or Key Identifier (RelativeKeyID@MAF-FQDN), in"
            + " either case";

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
    @APIResponse(responseCode = "201", description = "Registered (X-M2M-RSC 2001 CREATED) and committed: the key survives"
            + " a crash of the MAF. Never carries keyValue.",
            headers = @Header(name = "Content-Location", description = "/maf/symmKeyRegs/{relativeKeyID}",
                    schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = KeyRegMessages.Response.class)))
    @APIResponse(responseCode = "403", description = "X-M2M-RSC 4103 ORIGINATOR_HAS_NO_PRIVILEGE: the source holds no"
            + " valid registration for adminFQDN, or is no longer authorized by that stakeholder. X-M2M-RSC 4106"
            + " ORIGINATOR_NOT_AUTHENTICATED: no usable client certificate")
    @APIResponse(responseCode = "409", description = "X-M2M-RSC 4105 CONFLICT: this TLS connection already registered its"
            + " key (its exporter yields one KcID, ever); open a new connection")
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
    @APIResponse(responseCode = "200", description = "X-M2M-RSC 2000 OK",
            content = @Content(schema = @Schema(implementation = KeyRegMessages.Response.class)))
    @APIResponse(responseCode = "403", description = "X-M2M-RSC 4103 ORIGINATOR_HAS_NO_PRIVILEGE: the caller is neither"
            + " the source nor a target, holds no valid registration for the key's adminFQDN, or the key's stakeholder no"
            + " longer authorizes it or the source. X-M2M-RSC 4106: no usable client certificate")
    @APIResponse(responseCode = "404", description = "X-M2M-RSC 4004 NOT_FOUND: no such key, or it expired or was"
            + " de-registered")
    public Response retrieve(@Parameter(description = KEY_ID) @PathParam("keyID") String keyId) {
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
    @Operation(summary = "MAF Key Registration Update (TS-0003 8.8.2.9)", description = "The source only. Needs at least"
            + " one of expirationTime, labels, targetIDs; the answer carries only what was sent.")
    @APIResponse(responseCode = "200", description = "X-M2M-RSC 2004 UPDATED",
            content = @Content(schema = @Schema(implementation = KeyRegMessages.Response.class)))
    @APIResponse(responseCode = "403", description = "X-M2M-RSC 4103 ORIGINATOR_HAS_NO_PRIVILEGE: the caller is not the"
            + " key's source, or the source is no longer authorized. X-M2M-RSC 4106: no usable client certificate")
    @APIResponse(responseCode = "404", description = "X-M2M-RSC 4004 NOT_FOUND: no such key, or it expired or was"
            + " de-registered")
    @APIResponse(responseCode = "409", description = "X-M2M-RSC 4105 CONFLICT: another request changed or removed the key"
            + " at the same moment; retrieve it and try again")
    public Response update(@Parameter(description = KEY_ID) @PathParam("keyID") String keyId, KeyRegMessages.UpdateRequest request) {
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
    @Operation(summary = "MAF Key De-Registration (TS-0003 8.8.2.10)", description = "The source only. Once answered, no"
            + " instance serves the key any more.")
    @APIResponse(responseCode = "200", description = "X-M2M-RSC 2002 DELETED; no body")
    @APIResponse(responseCode = "403", description = "X-M2M-RSC 4103 ORIGINATOR_HAS_NO_PRIVILEGE: the caller is not the"
            + " key's source. X-M2M-RSC 4106: no usable client certificate")
    @APIResponse(responseCode = "404", description = "X-M2M-RSC 4004 NOT_FOUND: no such key, or it expired or was"
            + " de-registered")
    public Response deregister(@Parameter(description = KEY_ID) @PathParam("keyID") String keyId) {
        keys.deregister(client.id(), keyId);
        return OneM2mResponses.success(Rsc.DELETED).build();
    }

    private KeyRegMessages.View view(KeyRegistration key, String keyValue) {
        return new KeyRegMessages.View(key.relativeKeyId, KeyReference.keyIdentifier(key.relativeKeyId, config.fqdn()),
                key.sourceId, key.adminFqdn, key.suid, key.targetIds, key.expirationTime, key.labels, keyValue);
    }
}
