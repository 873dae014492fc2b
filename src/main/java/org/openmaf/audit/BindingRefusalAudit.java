package org.openmaf.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.openmaf.wire.MafNames;
import org.openmaf.onem2m.RefusalListener;
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

    @Override
    public void refused(String method, String path, Rsc rsc, String message) {
        if (!path.equals(MafNames.BASE_PATH) && !path.startsWith(MafNames.BASE_PATH + "/")) {
            return;
        }
        AuditEntry entry = procedures.bindingRefusal(client.idIfKnown().orElse(null),
                path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH), rsc.code(), method + ": " + message);
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
}
