package org.openmaf.onem2m;

import org.openmaf.wire.MafNames;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The Request Identifier of the current request (TS-0009 6.4.8): the client's {@code X-M2M-RI} when the request came
 * over HTTP, else one generated here, so code run without an HTTP request (a test, another binding) has one too.
 */
@RequestScoped
public class RequestIdentifier {

    @Inject
    CurrentVertxRequest http;

    private String value;

    public String value() {
        if (value == null) {
            RoutingContext current = http.getCurrent();
            String sent = current == null ? null : current.request().getHeader(MafNames.HEADER_RI);
            value = OneM2mHeaders.isSafe(sent) ? sent : OneM2mHeaders.generatedRequestId();
        }
        return value;
    }
}
