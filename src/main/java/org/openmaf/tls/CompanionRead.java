package org.openmaf.tls;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * A read that a request's procedure would make right after authentication, made instead by the very statement that
 * reads the client certificate's standing ({@link ClientIdentityResolver}): one round trip to the database fewer on
 * the busiest procedure, key retrieval (issue 12). The procedure still decides everything; a companion only supplies
 * rows, and when it supplies none, or none for the client the standing names, the procedure reads them itself.
 * <p>
 * The standing is a one-row derived table {@code c} whose column {@code c.client_id} is the client the certificate
 * would name (its binding, else the one ID its subjectAltName names); the companion's joins follow it, so they may
 * refer to that column, and its columns follow the standing's in each row.
 */
public abstract class CompanionRead {

    /**
     * Offers a companion read to the requests it serves (an application-scoped bean: one is asked on every /maf request).
     * The read it returns is kept with the request ({@link AuthenticatedClient#readAlong()}) for the procedure.
     */
    public interface Source {

        /** The read for this request, or null when its procedure needs none. */
        CompanionRead readFor(ContainerRequestContext request);
    }

    private final String columns;
    private final String joins;

    /**
     * Both the same for every read of one class: the statement composed of them is kept per class.
     *
     * @param columns the select-list items, each preceded by a comma
     * @param joins the joins after {@code c}
     */
    protected CompanionRead(String columns, String joins) {
        this.columns = columns;
        this.joins = joins;
    }

    final String columns() {
        return columns;
    }

    final String joins() {
        return joins;
    }

    /** Binds the joins' parameters from {@code first} on; none unless a read's joins have some. */
    protected void bind(PreparedStatement statement, int first) throws SQLException {
    }

    /**
     * Takes the rows, the cursor on the first, before the standing's verdict: {@code column} is the first of
     * {@link #columns()}, {@code sqlClientId} the ID the joins used ({@code c.client_id}, null when the certificate names
     * no single client). The rows serve the procedure only if it runs for exactly that client: a refused certificate
     * runs none, and a binding stored before IDs were canonical names the client by another form than the verdict's.
     */
    protected abstract void read(ResultSet rows, int column, String sqlClientId) throws SQLException;
}
