package org.openmaf.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.openmaf.onem2m.RefusalListener;
import org.openmaf.onem2m.Refusals;
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

    @Inject
    UnauthenticatedPeers unauthenticatedPeers;

    @Inject
    Refusals refusals;

    /** Records the current procedure's success; call it inside the procedure's transaction. */
    public void succeeded(Rsc rsc, String resourceId) {
        trail.recordInCurrentTransaction(entry(rsc, resourceId, null));
    }

    @Override
    public void refused(Rsc rsc, String message) {
        if (!request.path().equals("/maf") && !request.path().startsWith("/maf/")) {
            if (request.path().equals("/admin") || request.path().startsWith("/admin/")) {
                refusals.counted(Refusals.ADMIN_REFUSED); // counted only: admin changes, not refusals, are audited
            }
            return;
        }
        String detail = message;
        if (client.idIfKnown().isEmpty()) {
            // Contract section 6: a peer that has not authenticated is counted always, recorded once a minute at most.
            refusals.counted(rsc == Rsc.ORIGINATOR_NOT_AUTHENTICATED ? Refusals.UNAUTHENTICATED : Refusals.BEFORE_AUTHENTICATION);
            String source = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            if (!unauthenticatedPeers.mayRecord(source)) {
                return;
            }
            detail = "[from " + source + "; further refusals of this address within a minute are only counted] " + message;
        }
        AuditEntry entry = entry(rsc, Procedure.resourceIdOf(request.path()), detail);
        if (BlockingOperationControl.isBlockingAllowed()) {
            trail.recordSeparately(entry);
        } else {
            // Refused before leaving the I/O thread (e.g. an unknown method): record off the event loop.
            executor.execute(() -> trail.recordSeparately(entry));
        }
    }

    private AuditEntry entry(Rsc rsc, String resourceId, String detail) {
        return new AuditEntry(requestId.value(), client.idIfKnown().orElse(null), AuditRecord.ActorKind.MAF_CLIENT,
                Procedure.of(request.method().name(), request.path()).name(), resourceId, rsc.code(), detail);
    }
}
