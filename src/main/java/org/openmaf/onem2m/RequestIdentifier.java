package org.openmaf.onem2m;

import org.openmaf.wire.MafNames;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

/** The Request Identifier of the current request (TS-0009 6.4.8): the client's {@code X-M2M-RI}, or one generated here. */
@RequestScoped
public class RequestIdentifier {

    @Inject
    HttpServerRequest request;

    private String value;

    public String value() {
        if (value == null) {
            String sent = request.getHeader(MafNames.HEADER_RI);
            value = OneM2mHeaders.isSafe(sent) ? sent : OneM2mHeaders.generatedRequestId();
        }
        return value;
    }
}
