package org.openmaf.keys;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.MafException;
import org.openmaf.tls.CompanionRead;
import org.openmaf.wire.MafNames;

/**
 * A key retrieval's chain ({@link KeyChain#retrievalColumns}), read by the statement that reads the caller's
 * certificate standing ({@link CompanionRead}): a retrieval then costs one statement of its own instead of two (issue
 * 12). {@link KeyRegistrationService#retrieve} takes the rows only when they are for the key and the caller it serves
 * ({@link #chainOf}); otherwise (a PSK client, a reference the procedure will refuse, a binding stored in a
 * non-canonical form) it reads the chain itself.
 */
final class RetrievalChainRead extends CompanionRead {

    /** Offers the read to each {@code GET /maf/symmKeyRegs/{reference}} whose reference names a key of this MAF. */
    @ApplicationScoped
    static class Source implements CompanionRead.Source {

        private static final String KEY_PATH = MafNames.KEY_REGS + "/";

        @Inject
        MafConfig config;

        @Override
        public CompanionRead readFor(ContainerRequestContext request) {
            String path = request.getUriInfo().getPath();
            if (!HttpMethod.GET.equals(request.getMethod()) || !path.startsWith(KEY_PATH)
                    || path.indexOf('/', KEY_PATH.length()) >= 0) {
                return null;
            }
            try {
                return new RetrievalChainRead(KeyReference.relativeKeyId(path.substring(KEY_PATH.length()), config.fqdn()));
            } catch (MafException refused) {
                return null; // the procedure answers it, in its own words
            }
        }
    }

    private static final String COLUMNS = ", " + KeyChain.retrievalColumns("c.client_id");
    private static final String JOINS = " left join key_registration k on k.relative_key_id = ?"
            + KeyChain.STAKEHOLDER_JOIN;

    private final String relativeKeyId;
    private String callerId;
    /** Null until read, and once taken. */
    private Optional<KeyChain> chain;

    private RetrievalChainRead(String relativeKeyId) {
        super(COLUMNS, JOINS);
        this.relativeKeyId = relativeKeyId;
    }

    @Override
    protected void bind(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, relativeKeyId);
    }

    @Override
    protected void read(ResultSet rows, int column, String sqlClientId) throws SQLException {
        if (sqlClientId != null) {
            callerId = sqlClientId;
            chain = KeyChain.retrievalRows(rows, column, sqlClientId);
        }
    }

    /**
     * The chain behind the key as {@code caller} sees it: the one {@code readAlong} holds if it is exactly that (this
     * key, this caller, not taken before), else read now ({@link KeyChain#forRetrieval}).
     */
    static Optional<KeyChain> chainOf(CompanionRead readAlong, String relativeKeyId, String caller) {
        if (readAlong instanceof RetrievalChainRead along && along.chain != null
                && along.relativeKeyId.equals(relativeKeyId) && caller.equals(along.callerId)) {
            Optional<KeyChain> chain = along.chain;
            along.chain = null;
            return chain;
        }
        return KeyChain.forRetrieval(relativeKeyId, caller);
    }
}
