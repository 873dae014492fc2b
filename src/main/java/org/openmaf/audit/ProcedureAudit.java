package org.openmaf.audit;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.RequestIdentifier;

import io.quarkus.arc.Arc;

/**
 * Audits the MAF procedures a client runs: which procedure, which client, which resource, and the RSC. The service
 * names the procedure ({@link AuditedProcedure}) and the client; nothing here reads an HTTP request, so a procedure
 * run without one (in a test, or over another binding) is audited the same way.
 */
@ApplicationScoped
public class ProcedureAudit {

    /** The procedure running on this thread; procedures are blocking calls, so they start and end on one thread. */
    private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

    private record Running(Procedure procedure, String actor) {
    }

    @Inject
    AuditTrail trail;

    @Inject
    RequestIdentifier requestId;

    /**
     * Records that the running procedure succeeded on {@code resourceId}. Call it inside the procedure's transaction,
     * so the record exists exactly when the effect does.
     */
    public void succeeded(String resourceId) {
        Running running = RUNNING.get();
        if (running == null) {
            throw new IllegalStateException("succeeded() outside a method marked @AuditedProcedure");
        }
        trail.recordInCurrentTransaction(entry(running.procedure(), running.actor(), resourceId,
                running.procedure().success().code(), null));
    }

    /**
     * The record of the running procedure's success on {@code resourceId}, built (storable) but not stored: for a
     * procedure that writes it in the same statement as its effect, inside its transaction, so the record exists
     * exactly when the effect does.
     */
    public AuditRecord successRecord(String resourceId) {
        Running running = RUNNING.get();
        if (running == null) {
            throw new IllegalStateException("successRecord() outside a method marked @AuditedProcedure");
        }
        return trail.toRecord(entry(running.procedure(), running.actor(), resourceId, running.procedure().success().code(),
                null));
    }

    /**
     * Records that the running procedure succeeded on {@code resourceId}, for a procedure that changes nothing and so
     * runs in no transaction (a key retrieval): the record is committed, with those of concurrent requests, before this
     * returns, so the answer can leave only after it (fail closed: a failed commit throws, and the caller answers 5000).
     */
    public void succeededDurably(String resourceId) {
        Running running = RUNNING.get();
        if (running == null) {
            throw new IllegalStateException("succeededDurably() outside a method marked @AuditedProcedure");
        }
        trail.recordDurably(entry(running.procedure(), running.actor(), resourceId, running.procedure().success().code(),
                null));
    }

    /**
     * Runs {@code work} as {@code procedure} for {@code actor}. A refusal has no effect and its transaction has rolled
     * back, so it is recorded by the group commit (durable before the answer leaves), and marked recorded for the binding
     * layer.
     */
    <T> T run(Procedure procedure, String actor, String addressed, Callable<T> work) throws Exception {
        Running outer = RUNNING.get();
        RUNNING.set(new Running(procedure, actor));
        try {
            return work.call();
        } catch (MafException refusal) {
            if (!refusal.isRecorded()) { // a procedure run inside another records the refusal where it arose
                trail.recordDurably(entry(procedure, actor, addressed, refusal.rsc().code(), refusal.getMessage()));
                refusal.markRecorded();
            }
            throw refusal;
        } finally {
            RUNNING.set(outer);
        }
    }

    /** An entry for a refusal the binding layer answered before any procedure ran. */
    AuditEntry bindingRefusal(String actor, String resourceId, int rsc, String detail) {
        return entry(Procedure.OTHER_MAF_REQUEST, actor, resourceId, rsc, detail);
    }

    private AuditEntry entry(Procedure procedure, String actor, String resourceId, int rsc, String detail) {
        return new AuditEntry(currentRequestId(), actor, AuditRecord.ActorKind.MAF_CLIENT, procedure.name(), resourceId,
                rsc, detail);
    }

    /** Null when the procedure runs outside any request (nothing then identifies one). */
    private String currentRequestId() {
        return Arc.container().requestContext().isActive() ? requestId.value() : null;
    }
}
