package org.openmaf.onem2m;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Contract section 4: bodies over 64 KiB get 400 / 4000, not the HTTP server's bare 413. A declared Content-Length is
 * refused here before any byte is read (this route runs just before Quarkus's own upload limit); a chunked body that
 * grows past {@code quarkus.http.limits.max-body-size} is stopped by Quarkus and its 413 is rewritten the same way.
 */
public class BodyLimit {

    public static final int MAX_BYTES = 64 * 1024;
    public static final String TOO_LARGE_MESSAGE = "The body is larger than the 64 KiB the MAF accepts.";
    /** Just before RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT (-2). */
    static final int ORDER = -3;

    @Inject
    Refusals refusals;

    void install(@Observes Router router) {
        router.route(MafNames.BASE_PATH + "*").order(ORDER).handler(this::guard);
    }

    void guard(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        context.addHeadersEndHandler(v -> {
            if (context.response().getStatusCode() == 413) {
                context.response().setStatusCode(Rsc.BAD_REQUEST.httpStatus());
                context.response().putHeader(MafNames.HEADER_RSC, String.valueOf(Rsc.BAD_REQUEST.code()));
            }
        });
        if (declared != null && exceedsLimit(declared)) {
            refusals.counted(Refusals.BODY_TOO_LARGE);
            String requestId = context.request().getHeader(MafNames.HEADER_RI);
            context.response()
                    .setStatusCode(Rsc.BAD_REQUEST.httpStatus())
                    .putHeader(MafNames.HEADER_RSC, String.valueOf(Rsc.BAD_REQUEST.code()))
                    .putHeader(MafNames.HEADER_RI, OneM2mHeaders.isSafe(requestId) ? requestId : OneM2mHeaders.generatedRequestId())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(new JsonObject().put(MafNames.DEBUG_ROOT, TOO_LARGE_MESSAGE).encode());
            return;
        }
        context.next();
    }

    private static boolean exceedsLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BYTES;
        } catch (NumberFormatException malformed) {
            return false; // the HTTP codec rejects a malformed Content-Length itself
        }
    }
}
