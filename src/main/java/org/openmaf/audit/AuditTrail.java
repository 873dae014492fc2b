package org.openmaf.audit;

import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes audit records (the Vault "audit device" idea: every request recorded, secrets never). A procedure's success is
 * recorded in the procedure's own transaction, so the record exists exactly when the effect does; a refusal, which
 * has no effect, is recorded in a transaction of its own.
 */
@ApplicationScoped
public class AuditTrail {

    /** Longer details are cut, so a record can always be written. */
    static final int MAX_DETAIL = 1024;

    @Inject
    InstantSource clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInCurrentTransaction(AuditEntry entry) {
        toRecord(entry).persist();
    }

    public void recordSeparately(AuditEntry entry) {
        QuarkusTransaction.requiringNew().run(() -> toRecord(entry).persist());
    }

    private AuditRecord toRecord(AuditEntry entry) {
        AuditRecord record = new AuditRecord();
        record.occurredAt = clock.instant();
        record.requestId = entry.requestId();
        record.actor = entry.actor();
        record.actorKind = entry.actorKind();
        record.procedure = entry.procedure();
        record.resourceId = entry.resourceId();
        record.rsc = entry.rsc();
        record.detail = entry.detail() == null || entry.detail().length() <= MAX_DETAIL
                ? entry.detail() : entry.detail().substring(0, MAX_DETAIL);
        return record;
    }
}
