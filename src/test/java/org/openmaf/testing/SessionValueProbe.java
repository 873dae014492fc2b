package org.openmaf.testing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.vertx.core.http.HttpServerRequest;

/**
 * Test-only (src/test, never in the product): puts a value into the TLS session the request came on, as the MAF itself
 * did until issue 12's fourth round and as any library might. On TLS 1.3 that makes the JDK send a session ticket, which
 * lets a test try to resume a session the MAF never meant to be resumed.
 */
@Path("/test-support/session-value")
public class SessionValueProbe {

    @Inject
    HttpServerRequest request;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true) // not part of the service's OpenAPI document, which a test compares with openapi/
    public String putAValueIntoThisSession() {
        request.sslSession().putValue(SessionValueProbe.class.getName(), "probe");
        return "put";
    }
}
