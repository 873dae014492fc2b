package org.openmaf.audit;

/** What an audit record says; see {@link AuditRecord}. */
public record AuditEntry(String requestId, String actor, AuditRecord.ActorKind actorKind, String procedure,
        String resourceId, int rsc, String detail) {
}
