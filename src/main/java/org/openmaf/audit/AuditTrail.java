package org.openmaf.audit;

import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes audit records (the Vault "audit device" idea: every request recorded, secrets never). A procedure's success is
 * recorded in the procedure's own transaction, so the record exists exactly when the effect does. A record of
 * something that changed nothing (a key retrieval, a refusal) is committed with those of concurrent requests
 * ({@link AuditGroupCommit}) before the answer leaves.
 */
@ApplicationScoped
public class AuditTrail {

    /** The widths of the audit_record columns (V1__maf_schema.sql): longer values are cut, so a record can always be written. */
    static final int MAX_REQUEST_ID = 256;
    static final int MAX_ACTOR = 512;
    static final int MAX_PROCEDURE = 64;
    static final int MAX_RESOURCE_ID = 512;
    static final int MAX_DETAIL = 1024;

    @Inject
    InstantSource clock;

    @Inject
    AuditWriteLatency latency;

    @Inject
    AuditGroupCommit groupCommit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInCurrentTransaction(AuditEntry entry) {
        latency.inCallersTransaction(() -> toRecord(entry).persist());
    }

    /**
     * Records {@code entry} in a transaction of its own, shared with the records of concurrent requests
     * ({@link AuditGroupCommit}), and returns only once it is committed; throws when it is not. For what changed
     * nothing: a key retrieval, and every refusal (its procedure's transaction, if any, has rolled back). A flood of
     * refusals thus shares commits instead of paying one each.
     */
    public void recordDurably(AuditEntry entry) {
        latency.groupCommit(() -> groupCommit.commit(toRecord(entry)));
    }

    /**
     * Everything a client sends may end up in a record (a resource ID from the path, a request ID from a header), so
     * every text is made storable here, the one place records are built: cut to its column and free of NUL and other
     * control characters (PostgreSQL refuses NUL in text; control characters would garble whoever reads the trail).
     */
    AuditRecord toRecord(AuditEntry entry) {
        AuditRecord record = new AuditRecord();
        record.occurredAt = clock.instant();
        record.requestId = storable(entry.requestId(), MAX_REQUEST_ID);
        record.actor = storable(entry.actor(), MAX_ACTOR);
        record.actorKind = entry.actorKind();
        record.procedure = storable(entry.procedure(), MAX_PROCEDURE);
        record.resourceId = storable(entry.resourceId(), MAX_RESOURCE_ID);
        record.rsc = entry.rsc();
        record.detail = storable(entry.detail(), MAX_DETAIL);
        return record;
    }

    /**
     * The text with each control character (and each unpaired surrogate, which has no UTF-8 form) replaced by U+FFFD,
     * cut to at most {@code width} characters, an ellipsis marking the cut. Never splits a surrogate pair.
     */
    static String storable(String text, int width) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), width));
        int limit = text.length() > width ? width - 1 : width;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int units = Character.charCount(codePoint);
            if (out.length() + units > limit) {
                break;
            }
            boolean unpaired = Character.isSurrogate(text.charAt(i)) && units == 1;
            out.appendCodePoint(Character.isISOControl(codePoint) || unpaired ? '\uFFFD' : codePoint);
            i += units;
        }
        if (text.length() > width) {
            out.append('\u2026');
        }
        return out.toString();
    }
}
