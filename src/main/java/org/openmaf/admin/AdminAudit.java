package org.openmaf.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openmaf.audit.AuditEntry;
import org.openmaf.audit.AuditRecord;
import org.openmaf.audit.AuditTrail;
import org.openmaf.onem2m.RequestIdentifier;
import org.openmaf.onem2m.Rsc;

/**
 * Audits an admin change in the change's own transaction, so the record exists exactly when the change does. The
 * actor is the admin token's subject; details name what changed, never key material.
 */
@ApplicationScoped
public class AdminAudit {

    @Inject
    AuditTrail trail;

    @Inject
    RequestIdentifier requestId;

    @Inject
    AdminActor actor;

    public void changed(AdminChange change, Rsc rsc, String resourceId, String detail) {
        trail.recordInCurrentTransaction(new AuditEntry(requestId.value(), actor.name(), AuditRecord.ActorKind.ADMIN,
                change.name(), resourceId, rsc.code(), detail));
    }
}
