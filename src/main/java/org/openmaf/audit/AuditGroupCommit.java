package org.openmaf.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.openmaf.onem2m.PlainStatements;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Group commit of audit records that must be durable before the MAF answers (Vault's fail-closed audit device): each
 * caller hands its record over and waits; one writer thread inserts whatever has arrived meanwhile (from concurrent
 * requests) with one multi-row INSERT (its own transaction), then releases each caller once that commit has returned. Under
 * load a retrieval thus shares a statement and a commit with its neighbours instead of paying both alone, and a caller
 * still never answers before its own record is committed. When the batch fails, every caller in it gets the failure, so
 * each answers 5000 (fail closed) and no key leaves without its record.
 */
@ApplicationScoped
public class AuditGroupCommit {

    /** Records per INSERT at most: 8 parameters each, well below PostgreSQL's 65,535 bind parameters. */
    static final int MAX_BATCH = 64;
    /** How long a caller waits for its batch's commit: as long as a statement's answer is awaited (read-timeout). */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Pending(AuditRecord record, CompletableFuture<Void> committed) {
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** The multi-row INSERT for each batch size, built once. */
    private final AtomicReferenceArray<String> inserts = new AtomicReferenceArray<>(MAX_BATCH + 1);
    private volatile Thread writer;
    private volatile boolean stopped;

    /**
     * Commits {@code record} in a transaction of its own, with whatever other records are waiting, and returns once it
     * is committed. Throws the store's failure (answered 5000 by the binding layer) when the commit fails or takes
     * longer than a statement may.
     */
    void commit(AuditRecord record) {
        if (stopped) {
            throw new IllegalStateException("the audit writer has stopped (the MAF is shutting down)");
        }
        Pending pending = new Pending(record, new CompletableFuture<>());
        // The writer needs a connection of the pool for the batch: a caller must not hold one while it waits for it.
        PlainStatements.releaseConnectionOutsideTransaction();
        startWriterOnce();
        queue.add(pending);
        try {
            pending.committed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            // One failure shared by the batch: each caller throws its own exception, caused by it (so the store's
            // failure, when it was one, is still found in the causes and answered as such).
            throw new IllegalStateException("audit record not committed", failed.getCause());
        } catch (TimeoutException slow) {
            throw new IllegalStateException("audit record not committed within " + WAIT.toSeconds() + " s", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit record was committed", interrupted);
        }
    }

    private void startWriterOnce() {
        if (writer == null) {
            synchronized (this) {
                if (writer == null) {
                    writer = Thread.ofPlatform().name("maf-audit-group-commit").daemon().start(this::write);
                }
            }
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!stopped) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException interrupted) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                insertAutocommitted(batch);
                batch.forEach(pending -> pending.committed().complete(null));
            } catch (Throwable failed) { // whatever it was, the writer lives on and its callers answer 5000
                batch.forEach(pending -> pending.committed().completeExceptionally(failed));
            }
            batch.clear();
        }
        failWaiting(new IllegalStateException("the audit writer has stopped (the MAF is shutting down)"));
    }

    /**
     * The batch's one INSERT, in no transaction of ours: on a connection in autocommit mode a single statement is its
     * own transaction, committed (and, with PostgreSQL's default synchronous_commit, flushed to the WAL) before its
     * answer returns. A JTA transaction around it cost a second round trip (the COMMIT) and, in Narayana's two-phase
     * bookkeeping, a third of the writer's CPU (issue 12). The request context gives the statement Panache's session.
     */
    private void insertAutocommitted(List<Pending> batch) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            insert(batch);
        } finally {
            context.terminate();
        }
    }

    private void insert(List<Pending> batch) {
        PlainStatements.update(insertOf(batch.size()), statement -> {
            int parameter = 1;
            for (Pending pending : batch) {
                parameter = pending.record().bindColumns(statement, parameter);
            }
        });
    }

    private String insertOf(int rows) {
        String sql = inserts.get(rows);
        if (sql == null) {
            StringBuilder text = new StringBuilder("insert into audit_record (occurred_at, request_id, actor, actor_kind,"
                    + " procedure_name, resource_id, rsc, detail) values ");
            for (int row = 0; row < rows; row++) {
                text.append(row == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            }
            sql = text.toString();
            inserts.set(rows, sql);
        }
        return sql;
    }

    private void failWaiting(RuntimeException failure) {
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.committed().completeExceptionally(failure);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Thread running = writer;
        if (running != null) {
            running.interrupt();
        }
        failWaiting(new IllegalStateException("the audit writer has stopped (the MAF is shutting down)"));
    }
}
