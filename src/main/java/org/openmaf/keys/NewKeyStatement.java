package org.openmaf.keys;

import java.time.Instant;

import org.hibernate.query.NativeQuery;
import org.openmaf.audit.AuditRecord;
import org.openmaf.audit.ActorKindColumn;
import org.openmaf.onem2m.StringListColumn;

/**
 * PostgreSQL: a new key, its targets, its KcID's tombstone and its audit record written by ONE statement (data-modifying
 * WITH queries), after the source's registration row is locked ({@link SourceStanding#lockedOnPostgreSql}). The same
 * statement counts the source's valid keys and writes nothing when the quota is reached; the tombstone's and the key's
 * primary keys, not a read before, refuse a KcID used before (ON CONFLICT DO NOTHING, so the transaction stays usable
 * for the refusal). Elsewhere (H2, dev mode) the entities are persisted one by one.
 */
final class NewKeyStatement {

    private static final String INSERT = "with standing as (select count(*) as valid_keys from key_registration"
            + "   where source_id = :source and admin_fqdn = :stakeholder and expiration_time > :now),"
            + " tombstone as (insert into used_kcid (relative_key_id, kept_until)"
            + "   select :kid, :kept_until from standing where valid_keys < :quota and :exporter"
            + "   on conflict do nothing returning relative_key_id),"
            + " registered as (insert into key_registration (relative_key_id, source_id, admin_fqdn, suid, labels,"
            + "   expiration_time, creation_time, last_modified_time, key_origin, kek_id, key_nonce, key_ciphertext)"
            + "   select :kid, :source, :stakeholder, :suid, :labels, :expiry, :now, :now, :origin, :kek, :nonce, :ciphertext"
            + "   from standing where valid_keys < :quota and (not :exporter or exists (select 1 from tombstone))"
            + "   on conflict do nothing returning relative_key_id),"
            + " targets as (insert into key_target (relative_key_id, target_index, target_id)"
            + "   select r.relative_key_id, t.position - 1, t.target_id from registered r,"
            + "   jsonb_array_elements_text(cast(:targets as jsonb)) with ordinality as t(target_id, position)),"
            + " audited as (insert into audit_record (occurred_at, request_id, actor, actor_kind, procedure_name,"
            + "   resource_id, rsc, detail)"
            + "   select :occurred_at, :request_id, :actor, :actor_kind, :procedure, :resource, :rsc, :detail from registered)"
            + " select (select valid_keys from standing) as valid_keys, (select count(*) from registered) as inserted";

    private static final StringListColumn LISTS = new StringListColumn();
    private static final ActorKindColumn ACTOR_KINDS = new ActorKindColumn();

    /** What the statement found: the source's valid keys before this one, and whether it inserted the key. */
    record Outcome(long validKeys, boolean inserted) {
    }

    private NewKeyStatement() {
    }

    /**
     * @param tombstoneUntil how long the exporter-derived KcID stays used; null for a self-generated key (no tombstone)
     * @param audit the success record, written only with the key
     */
    static Outcome insert(KeyRegistration key, Instant tombstoneUntil, int quota, Instant now, AuditRecord audit) {
        Object[] row = (Object[]) KeyRegistration.getEntityManager().createNativeQuery(INSERT).unwrap(NativeQuery.class)
                .addScalar("valid_keys", Long.class).addScalar("inserted", Long.class)
                .setParameter("source", key.sourceId, String.class)
                .setParameter("stakeholder", key.adminFqdn, String.class)
                .setParameter("now", now, Instant.class)
                .setParameter("kid", key.relativeKeyId, String.class)
                .setParameter("kept_until", tombstoneUntil == null ? now : tombstoneUntil, Instant.class)
                .setParameter("quota", quota, Integer.class)
                .setParameter("exporter", tombstoneUntil != null, Boolean.class)
                .setParameter("suid", key.suid, Integer.class)
                .setParameter("labels", LISTS.convertToDatabaseColumn(key.labels), String.class)
                .setParameter("expiry", key.expirationTime, Instant.class)
                .setParameter("origin", key.keyOrigin, String.class)
                .setParameter("kek", key.kekId, String.class)
                .setParameter("nonce", key.keyNonce, byte[].class)
                .setParameter("ciphertext", key.keyCiphertext, byte[].class)
                .setParameter("targets", LISTS.convertToDatabaseColumn(key.targetIds), String.class)
                .setParameter("occurred_at", audit.occurredAt, Instant.class)
                .setParameter("request_id", audit.requestId, String.class)
                .setParameter("actor", audit.actor, String.class)
                .setParameter("actor_kind", ACTOR_KINDS.convertToDatabaseColumn(audit.actorKind), String.class)
                .setParameter("procedure", audit.procedure, String.class)
                .setParameter("resource", audit.resourceId, String.class)
                .setParameter("rsc", audit.rsc, Integer.class)
                .setParameter("detail", audit.detail, String.class)
                .getSingleResult();
        return new Outcome((Long) row[0], (Long) row[1] > 0);
    }
}
