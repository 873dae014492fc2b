package org.openmaf.tls;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.openmaf.onem2m.RequestIdentifier;

import io.vertx.ext.web.RoutingContext;

/**
 * Puts the request's {@code X-M2M-RI} (as echoed in the response, TS-0009 6.4.8) and, once the certificate has been
 * verified, the MAF client ID into the logging MDC ({@code %X{ri}}, {@code %X{client}} in the log format, members of
 * {@code mdc} in JSON logs), so every line logged while the request runs names both. Quarkus keeps the MDC in the
 * request's Vert.x duplicated context, not in the thread: the values follow the request onto the worker thread that
 * runs the procedure, and end with it. The client ID also goes into the routing context for the access log
 * ({@code %{d,maf.client}}), which is written when the response ends.
 */
public class RequestLogContext {

    public static final String MDC_REQUEST_ID = "ri";
    public static final String MDC_CLIENT = "client";
    /** The routing context entry the access log pattern reads. */
    public static final String ACCESS_LOG_CLIENT = "maf.client";

    @Inject
    RequestIdentifier requestId;

    @Inject
    AuthenticatedClient client;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void identifyRequest() {
        MDC.put(MDC_REQUEST_ID, requestId.value());
    }

    /** After {@link MafClientAuthentication}: a request it refused has no client to name. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public void identifyClient(RoutingContext routing) {
        client.idIfKnown().ifPresent(id -> {
            MDC.put(MDC_CLIENT, id);
            routing.put(ACCESS_LOG_CLIENT, id);
        });
    }
}
