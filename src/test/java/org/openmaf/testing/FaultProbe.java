package org.openmaf.testing;

import java.sql.SQLException;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hibernate.exception.JDBCConnectionException;

import io.vertx.ext.web.Router;

/**
 * Test-only (src/test, never in the product): faults on the MAF's side on demand, inside JAX-RS and in a Vert.x route
 * outside it, each carrying internals (SQL, class names) that must not reach the client.
 */
@Path("/test-support/faults")
public class FaultProbe {

    public static final String SECRET = "select key_ciphertext from key_registration";

    @GET
    @Path("internal")
    @Operation(hidden = true)
    public String internal() {
        throw new IllegalStateException("internal detail: " + SECRET);
    }

    @GET
    @Path("store")
    @Operation(hidden = true)
    public String store() {
        throw new JDBCConnectionException("Unable to acquire JDBC Connection [" + SECRET + "]",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    }

    void install(@Observes Router router) {
        router.get("/test-support/faults/route").handler(context -> context.fail(new IllegalStateException(SECRET)));
        router.get("/test-support/faults/route-store").handler(context -> context.fail(
                new SQLException("Acquisition timeout while waiting for new connection: " + SECRET)));
    }
}
