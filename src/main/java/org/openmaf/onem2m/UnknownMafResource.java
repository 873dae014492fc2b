package org.openmaf.onem2m;

import org.openmaf.wire.MafNames;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Answers 4004 for paths under /maf that name no resource, after the client has authenticated like for any MAF
 * request. Without it such requests would fall through to the HTTP server's plain-text 404.
 */
@Path(MafNames.BASE_PATH)
public class UnknownMafResource {

    @GET
    @Operation(hidden = true)
    @Path("{unknown: .*}")
    public void get(@PathParam("unknown") String unknown) {
        throw notFound(unknown);
    }

    @POST
    @Operation(hidden = true)
    @Path("{unknown: .*}")
    public void post(@PathParam("unknown") String unknown) {
        throw notFound(unknown);
    }

    @PUT
    @Operation(hidden = true)
    @Path("{unknown: .*}")
    public void put(@PathParam("unknown") String unknown) {
        throw notFound(unknown);
    }

    @DELETE
    @Operation(hidden = true)
    @Path("{unknown: .*}")
    public void delete(@PathParam("unknown") String unknown) {
        throw notFound(unknown);
    }

    private static MafException notFound(String path) {
        return MafException.notFound("There is no MAF resource at " + MafNames.BASE_PATH + "/" + path
                + "; the MAF serves " + MafNames.CLIENT_REGS + " and " + MafNames.KEY_REGS + ".");
    }
}
