package org.openmaf.onem2m;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Plain JDBC for the few statements on the hot paths (issue 12: the certificate's standing, the retrieval's chain and the audit group commit),
 * prepared and released by Panache's own session, so that they run on its connection (inside its transaction, if
 * there is one), pass its statement inspector and logging, and fail as every other statement does (Hibernate's
 * {@code JDBCException}, a {@code PersistenceException}). A native query would build, type and map the same statement
 * through Hibernate's query engine on every call, which cost a retrieval more CPU than PostgreSQL spent running it.
 * Everything else keeps to Panache entities and queries.
 */
public final class PlainStatements {

    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private PlainStatements() {
    }

    public static <T> T query(String sql, Parameters parameters, Rows<T> rows) {
        SharedSessionContractImplementor session = session();
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            parameters.bind(statement);
            return rows.read(jdbc.getResultSetReturn().extract(statement, sql));
        } catch (SQLException failed) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(failed, "plain query", sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
            releaseOutsideTransaction(session);
        }
    }

    public static int update(String sql, Parameters parameters) {
        SharedSessionContractImplementor session = session();
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            parameters.bind(statement);
            return jdbc.getResultSetReturn().executeUpdate(statement, sql);
        } catch (SQLException failed) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(failed, "plain update", sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
            releaseOutsideTransaction(session);
        }
    }

    /**
     * Gives the pooled connection this request's session holds back to the pool, unless a transaction uses it. Outside
     * a transaction Hibernate keeps the connection of a request's first statement until the session closes with the
     * request, while a transaction (Quarkus gives it a session of its own) and the audit group commit's writer each take
     * another connection of the same pool. Requests that waited for those while holding theirs starved the pool as soon
     * as there were as many of them as it has connections: retrievals waiting for the audit writer, key registrations
     * whose certificate check had taken a connection before their transaction, refusals audited in a transaction of
     * their own, all answering 5000 after the 3 s acquisition timeout (issue 12: 16 clients were enough on a pool of 6;
     * {@code SmallPoolFloodIT}). So a statement outside a transaction returns its connection at once (here, after each
     * one), and a caller about to wait for such work calls this first, for what Hibernate's own queries may have taken.
     * The session takes a connection again for its next statement. Does nothing without an active request context.
     */
    public static void releaseConnectionOutsideTransaction() {
        if (Arc.container().requestContext().isActive()) {
            releaseOutsideTransaction(session());
        }
    }

    private static void releaseOutsideTransaction(SharedSessionContractImplementor session) {
        if (!session.isTransactionInProgress()) {
            session.getJdbcCoordinator().getLogicalConnection().afterTransaction();
        }
    }

    /** A {@code timestamp with time zone} parameter (every MAF timestamp column is one), null allowed. */
    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** A text parameter, null allowed (typed, so that a null binds as text on every database). */
    public static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** A {@code timestamp with time zone} column, null when SQL NULL. */
    public static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static SharedSessionContractImplementor session() {
        return Panache.getEntityManager().unwrap(SharedSessionContractImplementor.class);
    }
}
