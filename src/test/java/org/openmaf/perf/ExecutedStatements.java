package org.openmaf.perf;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.openmaf.onem2m.RequestIdentifier;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Every SQL statement Hibernate sends, with whom it was sent for: the request's X-M2M-RI while a request is served,
 * else the thread's name (the audit group-commit writer, the scheduled purges). Test-only: it watches, never rewrites.
 */
@PersistenceUnitExtension
public class ExecutedStatements implements StatementInspector {

    public record Executed(String owner, String sql) {
    }

    private static final ConcurrentLinkedQueue<Executed> EXECUTED = new ConcurrentLinkedQueue<>();

    @Override
    public String inspect(String sql) {
        EXECUTED.add(new Executed(owner(), sql));
        return sql;
    }

    private static String owner() {
        // The audit writer activates a request context of its own for Panache's session, but serves no request.
        if (Arc.container() != null && Arc.container().requestContext().isActive()
                && Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() != null) {
            return Arc.container().instance(RequestIdentifier.class).get().value();
        }
        return Thread.currentThread().getName();
    }

    static void clear() {
        EXECUTED.clear();
    }

    static List<Executed> all() {
        return List.copyOf(EXECUTED);
    }
}
