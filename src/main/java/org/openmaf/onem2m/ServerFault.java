package org.openmaf.onem2m;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import org.jboss.logging.Logger;

/**
 * A fault on the MAF's side (contract section 6): HTTP 500, RSC 5000, {@code Retry-After}, and an {@code m2m:dbg} that
 * names the kind of fault and nothing internal (no class, no SQL, no stack). The cause goes to the log, once.
 */
public enum ServerFault {

    /** PostgreSQL unreachable or timing out, the connection pool exhausted, a transaction that could not complete. */
    STORE_UNAVAILABLE("the MAF's store is unavailable; retry"),
    /** Anything else that was not the client's doing. */
    INTERNAL("the MAF failed to process the request; retry, or give the X-M2M-RI of this answer to the MAF's operator");

    /**
     * What {@code Retry-After} says. The pool tries the database again on every request, so the MAF answers normally
     * within this time of the database's return.
     */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String RETRY_AFTER = "Retry-After";

    private static final Logger LOG = Logger.getLogger(ServerFault.class);
    /** How much of a request path a log line quotes: the path is the client's, and the log is no place to flood. */
    private static final int LOGGED_PATH_LENGTH = 120;

    /**
     * SQLSTATE classes (PostgreSQL appendix A) that mean a statement the MAF sent was wrong, not that the store failed:
     * data exception, integrity constraint violation, syntax error or access rule violation, feature not supported.
     */
    private static final Set<String> STATEMENT_FAULT_CLASSES = Set.of("22", "23", "42", "0A");

    private static final Set<String> TRANSACTION_FAULTS = Set.of(
            "jakarta.transaction.RollbackException",
            "jakarta.transaction.SystemException",
            "jakarta.transaction.HeuristicMixedException",
            "jakarta.transaction.HeuristicRollbackException",
            "jakarta.transaction.TransactionalException",
            "javax.transaction.xa.XAException",
            "io.quarkus.narayana.jta.QuarkusTransactionException");

    private final String message;

    ServerFault(String message) {
        this.message = message;
    }

    /** The {@code m2m:dbg} text. */
    public String message() {
        return message;
    }

    /** Which kind of server fault {@code failure} is; the first SQL or transaction failure in its causes decides. */
    public static ServerFault of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No SQLSTATE: the pool's own refusals (acquisition timeout, connection closed).
                return state != null && state.length() >= 2 && STATEMENT_FAULT_CLASSES.contains(state.substring(0, 2))
                        ? INTERNAL : STORE_UNAVAILABLE;
            }
            if (isTransactionFault(cause)) {
                return STORE_UNAVAILABLE;
            }
            if (cause instanceof RejectedExecutionException) {
                return INTERNAL; // no worker thread free
            }
        }
        return INTERNAL;
    }

    /**
     * Logs the fault once: an unavailable store as one WARN line (an outage would otherwise write a stack per request),
     * anything else at ERROR with its stack, since that is a defect to fix. Never request values beyond a bounded,
     * escaped path, and never key material (exceptions carry none: SQL parameters are bound, not inlined).
     */
    public void log(Throwable failure, String requestId, String method, String path) {
        String where = method + " " + loggable(path);
        if (this == STORE_UNAVAILABLE) {
            LOG.warnf("Request %s %s: the MAF's store is unavailable, answered 5000: %s", requestId, where, rootCause(failure));
        } else {
            LOG.errorf(failure, "Request %s %s: internal fault, answered 5000", requestId, where);
        }
    }

    private static boolean isTransactionFault(Throwable cause) {
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSACTION_FAULTS.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getName() + (message.length() > 300 ? message.substring(0, 300) + "..." : message);
    }

    /** Printable ASCII only, bounded: a path is whatever the client sent. */
    static String loggable(String path) {
        if (path == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (; next < path.length() && out.length() < LOGGED_PATH_LENGTH; next++) {
            char c = path.charAt(next);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return next < path.length() ? out + "..." : out.toString();
    }
}
