package org.openmaf.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.openmaf.onem2m.RefusalListener;
import org.openmaf.onem2m.RequestIdentifier;
import org.openmaf.onem2m.Rsc;
import org.openmaf.tls.AuthenticatedClient;

import io.quarkus.runtime.BlockingOperationControl;
import io.vertx.core.http.HttpServerRequest;

/**
 * Audits MAF procedures: the procedure and resource come from the request line, the actor from the client certificate.
 */
@ApplicationScoped
public class ProcedureAudit implements RefusalListener {

    private static final Logger LOG = Logger.getLogger(ProcedureAudit.class);

    @Inject
    AuditTrail trail;

    @Inject
    HttpServerRequest request;

    @Inject
    RequestIdentifier requestId;

    @Inject
    AuthenticatedClient client;

    @Inject
    ManagedExecutor executor;

    /** Records the current procedure's success; call it inside the procedure's transaction. */
    public void succeeded(Rsc rsc, String resourceId) {
        trail.recordInCurrentTransaction(entry(rsc, resourceId, null));
    }

    @Override
    public void refused(Rsc rsc, String message) {
        if (!request.path().equals("/maf") && !request.path().startsWith("/maf/")) {
            return;
        }
        AuditEntry entry = entry(rsc, Procedure.resourceIdOf(request.path()), message);
        if (BlockingOperationControl.isBlockingAllowed()) {
            trail.recordSeparately(entry);
        } else {
            // Refused before leaving the I/O thread (e.g. an unknown method): record off the event loop. The answer has
            // gone by then, so a store fault can only be logged, once and without a stack.
            executor.execute(() -> {
                try {
                    trail.recordSeparately(entry);
                } catch (RuntimeException storeFault) {
                    LOG.warnf("Request %s: the refusal (%d) could not be audited: %s", entry.requestId(), rsc.code(),
                            storeFault.getClass().getName());
                }
            });
        }
    }

    private AuditEntry entry(Rsc rsc, String resourceId, String detail) {
        return new AuditEntry(requestId.value(), client.idIfKnown().orElse(null), AuditRecord.ActorKind.MAF_CLIENT,
                Procedure.of(request.method().name(), request.path()).name(), resourceId, rsc.code(), detail);
    }
}
