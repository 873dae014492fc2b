package org.openmaf.onem2m;

import java.io.IOException;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openmaf.wire.MafNames;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Contract section 6 for faults that escape JAX-RS (a Vert.x route, the security layer, a failure inside an exception
 * mapper): the same 500 / 5000 answer as {@link OneM2mErrorMapper#unexpected}, instead of Quarkus's "Error id" page.
 * Refusals (401/403 from the security layer, 4xx set by the HTTP layer) are not faults of the MAF and pass on.
 */
public class ServerFaultAnswer {

    /** Just before Quarkus's own error page, which is installed with {@code last()}, i.e. order Integer.MAX_VALUE. */
    static final int ORDER = Integer.MAX_VALUE - 1;

    private static final Logger LOG = Logger.getLogger(ServerFaultAnswer.class);

    void install(@Observes Router router) {
        router.route().order(ORDER).failureHandler(ServerFaultAnswer::answer);
    }

    static void answer(RoutingContext context) {
        Throwable failure = context.failure();
        if (!isServerFault(failure, context.statusCode())) {
            context.next();
            return;
        }
        String sent = context.request().getHeader(MafNames.HEADER_RI);
        String requestId = OneM2mHeaders.isSafe(sent) ? sent : OneM2mHeaders.generatedRequestId();
        ServerFault fault = failure == null ? ServerFault.INTERNAL : ServerFault.of(failure);
        if (failure instanceof IOException) {
            LOG.debugf(failure, "Request %s: the connection failed, most likely closed by the client", requestId);
        } else {
            fault.log(failure, requestId, context.request().method().name(), context.request().path());
        }
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset(); // a status has gone out already; the client must not mistake a torn body for an answer
            return;
        }
        response.headers().clear();
        response.setStatusCode(Rsc.INTERNAL_SERVER_ERROR.httpStatus())
                .putHeader(MafNames.HEADER_RSC, String.valueOf(Rsc.INTERNAL_SERVER_ERROR.code()))
                .putHeader(MafNames.HEADER_RI, requestId)
                .putHeader(ServerFault.RETRY_AFTER, String.valueOf(ServerFault.RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put(MafNames.DEBUG_ROOT, fault.message()).encode());
    }

    private static boolean isServerFault(Throwable failure, int status) {
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                || failure instanceof ForbiddenException) {
            return false;
        }
        return status >= 500 || status < 400 && failure != null;
    }
}
