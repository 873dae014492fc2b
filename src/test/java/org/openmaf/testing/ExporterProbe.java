package org.openmaf.testing;

import java.util.HexFormat;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.openmaf.wire.ConnectionKeys;
import org.openmaf.tls.TlsConnection;

/**
 * Test-only (src/test, never in the product): reports the exporter output the server derived for the connection the
 * request came on, so a test can compare it with what OpenSSL printed for the same connection.
 */
@Path("/test-support/exporter")
public class ExporterProbe {

    @Inject
    TlsConnection connection;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true) // not part of the service's OpenAPI document, which a test compares with openapi/

    public String exporterOfThisConnection() {
        ConnectionKeys keys = connection.exportConnectionKeys();
        return keys.relativeKeyId() + HexFormat.of().withUpperCase().formatHex(keys.kc());
    }
}
