package org.openmaf.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.openmaf.wire.MafNames;
import org.openmaf.onem2m.RefusalListener;
import org.openmaf.onem2m.Refusals;
import org.openmaf.onem2m.Rsc;
import org.openmaf.tls.AuthenticatedClient;

import io.quarkus.runtime.BlockingOperationControl;

/**
 * Audits MAF requests the binding layer refused before any procedure ran, as {@link Procedure#OTHER_MAF_REQUEST}:
 * the record names the path the request addressed instead of guessing which procedure it meant. Refusals outside
 * /maf are the admin API's, which audits its own changes.
 */
@ApplicationScoped
public class BindingRefusalAudit implements RefusalListener {

    private static final Logger LOG = Logger.getLogger(BindingRefusalAudit.class);

    /** The resource_id column's width; a client's path must not be able to make the audit fail. */
    static final int MAX_PATH = 512;

    @Inject
    AuditTrail trail;

    @Inject
    ProcedureAudit procedures;

    @Inject
    AuthenticatedClient client;

    @Inject
    ManagedExecutor executor;

    @Inject
    UnauthenticatedPeers unauthenticatedPeers;

    @Inject
    Refusals refusals;

    @Override
    public void refused(RefusedRequest request, Rsc rsc, String message) {
        String path = request.path();
        if (!path.equals(MafNames.BASE_PATH) && !path.startsWith(MafNames.BASE_PATH + "/")) {
            if (path.equals("/admin") || path.startsWith("/admin/")) {
                refusals.counted(Refusals.ADMIN_REFUSED); // counted only: admin changes, not refusals, are audited
            }
            return;
        }
        String actor = client.idIfKnown().orElse(null);
        String detail = message;
        if (actor == null) {
            // Contract section 6: a peer that has not authenticated is counted always, recorded once a minute at most.
            refusals.counted(rsc == Rsc.ORIGINATOR_NOT_AUTHENTICATED ? Refusals.UNAUTHENTICATED : Refusals.BEFORE_AUTHENTICATION);
            if (!unauthenticatedPeers.mayRecord(request.sourceAddress())) {
                return;
            }
            detail = "[from " + request.sourceAddress() + "; further refusals of this address within a minute are only"
                    + " counted] " + detail;
        }
        detail = request.method() + ": " + detail;
        AuditEntry entry = procedures.bindingRefusal(actor, path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH),
                rsc.code(), detail);
        if (BlockingOperationControl.isBlockingAllowed()) {
            trail.recordDurably(entry);
        } else {
            // Refused before leaving the I/O thread (e.g. an unknown method): record off the event loop. The answer has
            // gone by then, so a store fault can only be logged, once and without a stack.
            executor.execute(() -> {
                try {
                    trail.recordDurably(entry);
                } catch (RuntimeException storeFault) {
                    LOG.warnf("Request %s: the refusal (%d) could not be audited: %s", entry.requestId(), rsc.code(),
                            storeFault.getClass().getName());
                }
            });
        }
    }
}
