package org.openmaf.onem2m;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Contract section 4: bodies over 64 KiB are refused with 400 / 4000. A declared Content-Length is checked here, after
 * authentication and before any byte is read; {@code quarkus.http.limits.max-body-size} stops chunked bodies.
 */
public class BodyLimit {

    public static final int MAX_BYTES = 64 * 1024;
    public static final String TOO_LARGE_MESSAGE = "The body is larger than the 64 KiB the MAF accepts.";

    @ServerRequestFilter
    public void refuseOversizedBodies(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            throw MafException.badRequest(TOO_LARGE_MESSAGE);
        }
    }
}
