package org.openmaf.onem2m;

import org.openmaf.wire.MafNames;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds responses the TS-0009 way: HTTP status from the RSC, the RSC itself in {@code X-M2M-RSC}. */
public final class OneM2mResponses {

    private OneM2mResponses() {
    }

    public static Response.ResponseBuilder success(Rsc rsc) {
        return Response.status(rsc.httpStatus()).header(MafNames.HEADER_RSC, rsc.code());
    }

    public static Response error(Rsc rsc, String message) {
        return errorBuilder(rsc, message).build();
    }

    /** Contract section 6: a fault on the MAF's side, with when to try again. */
    public static Response serverFault(ServerFault fault) {
        return errorBuilder(Rsc.INTERNAL_SERVER_ERROR, fault.message())
                .header(ServerFault.RETRY_AFTER, ServerFault.RETRY_AFTER_SECONDS)
                .build();
    }

    private static Response.ResponseBuilder errorBuilder(Rsc rsc, String message) {
        return Response.status(rsc.httpStatus())
                .header(MafNames.HEADER_RSC, rsc.code())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of(MafNames.DEBUG_ROOT, message));
    }
}
