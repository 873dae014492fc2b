package org.openmaf.keys;

import java.time.Instant;

import org.openmaf.audit.AuditRecord;
import org.openmaf.onem2m.PlainStatements;
import org.openmaf.onem2m.StringListColumn;

/**
 * PostgreSQL: a new key, its targets, its KcID's tombstone and its audit record written by ONE statement (data-modifying
 * WITH queries, each value bound once in {@code p}; plain JDBC, {@link PlainStatements}), after the source's
 * registration row is locked ({@link SourceStanding#lockedOnPostgreSql}). The same statement checks the quota and
 * writes nothing when it is reached: it reads the source's ceiling (V9, an upper bound on its valid keys that only a
 * registration raises) and counts the keys only when that is not below the quota, then sets the ceiling to what it
 * found plus the new key. The statement's snapshot is taken after the lock was granted, so it sees the ceiling and
 * the keys of every registration of this source committed before. The tombstone's and the key's primary keys, not a
 * read before, refuse a KcID used before (ON CONFLICT DO NOTHING, so the transaction stays usable for the refusal).
 * Elsewhere (H2, dev mode) the entities are persisted one by one.
 */
final class NewKeyStatement {

    private static final String INSERT = "with p as (select cast(? as text) as source, cast(? as text) as stakeholder,"
            + "   cast(? as timestamptz) as now, cast(? as text) as kid, cast(? as timestamptz) as kept_until,"
            + "   cast(? as integer) as quota, cast(? as boolean) as exporter, cast(? as integer) as suid,"
            + "   cast(? as text) as labels, cast(? as timestamptz) as expiry, cast(? as text) as origin,"
            + "   cast(? as text) as kek, cast(? as bytea) as nonce, cast(? as bytea) as ciphertext,"
            + "   cast(? as text) as targets, cast(? as timestamptz) as occurred_at, cast(? as text) as request_id,"
            + "   cast(? as text) as actor, cast(? as text) as actor_kind, cast(? as text) as procedure,"
            + "   cast(? as text) as resource, cast(? as integer) as rsc, cast(? as text) as detail),"
            // The source's valid keys at most: the ceiling while it is below the quota, else counted (COALESCE
            // evaluates the count only when the first is null).
            + " standing as (select coalesce((select c.valid_keys_at_most from source_key_ceiling c"
            + "   where c.source_id = p.source and c.admin_fqdn = p.stakeholder and c.valid_keys_at_most < p.quota),"
            + "   (select count(*) from key_registration k"
            + "   where k.source_id = p.source and k.admin_fqdn = p.stakeholder and k.expiration_time > p.now))"
            + "   as valid_keys from p),"
            + " tombstone as (insert into used_kcid (relative_key_id, kept_until)"
            + "   select p.kid, p.kept_until from standing, p where valid_keys < p.quota and p.exporter"
            + "   on conflict do nothing returning relative_key_id),"
            + " registered as (insert into key_registration (relative_key_id, source_id, admin_fqdn, suid, labels,"
            + "   expiration_time, creation_time, last_modified_time, key_origin, kek_id, key_nonce, key_ciphertext)"
            + "   select p.kid, p.source, p.stakeholder, p.suid, p.labels, p.expiry, p.now, p.now, p.origin, p.kek, p.nonce,"
            + "   p.ciphertext from standing, p"
            + "   where valid_keys < p.quota and (not p.exporter or exists (select 1 from tombstone))"
            + "   on conflict do nothing returning relative_key_id),"
            + " targets as (insert into key_target (relative_key_id, target_index, target_id)"
            + "   select r.relative_key_id, t.position - 1, t.target_id from registered r, p,"
            + "   jsonb_array_elements_text(cast(p.targets as jsonb)) with ordinality as t(target_id, position)),"
            + " audited as (insert into audit_record (occurred_at, request_id, actor, actor_kind, procedure_name,"
            + "   resource_id, rsc, detail)"
            + "   select p.occurred_at, p.request_id, p.actor, p.actor_kind, p.procedure, p.resource, p.rsc, p.detail"
            + "   from registered, p),"
            + " ceiling as (insert into source_key_ceiling (source_id, admin_fqdn, valid_keys_at_most)"
            + "   select p.source, p.stakeholder, standing.valid_keys + (select count(*) from registered) from standing, p"
            + "   on conflict (source_id, admin_fqdn) do update set valid_keys_at_most = excluded.valid_keys_at_most)"
            + " select (select valid_keys from standing) as valid_keys, (select count(*) from registered) as inserted";

    private static final StringListColumn LISTS = new StringListColumn();

    /**
     * What the statement found: the source's valid keys before this one (counted when at the quota; below it, an upper
     * bound), and whether it inserted the key.
     */
    record Outcome(long validKeys, boolean inserted) {
    }

    private NewKeyStatement() {
    }

    /**
     * @param tombstoneUntil how long the exporter-derived KcID stays used; null for a self-generated key (no tombstone)
     * @param audit the success record, written only with the key
     */
    static Outcome insert(KeyRegistration key, Instant tombstoneUntil, int quota, Instant now, AuditRecord audit) {
        return PlainStatements.query(INSERT, statement -> {
            int parameter = 1;
            statement.setString(parameter++, key.sourceId);
            statement.setString(parameter++, key.adminFqdn);
            PlainStatements.setInstant(statement, parameter++, now);
            statement.setString(parameter++, key.relativeKeyId);
            PlainStatements.setInstant(statement, parameter++, tombstoneUntil == null ? now : tombstoneUntil);
            statement.setInt(parameter++, quota);
            statement.setBoolean(parameter++, tombstoneUntil != null);
            statement.setInt(parameter++, key.suid);
            PlainStatements.setText(statement, parameter++, LISTS.convertToDatabaseColumn(key.labels));
            PlainStatements.setInstant(statement, parameter++, key.expirationTime);
            statement.setString(parameter++, key.keyOrigin);
            statement.setString(parameter++, key.kekId);
            statement.setBytes(parameter++, key.keyNonce);
            statement.setBytes(parameter++, key.keyCiphertext);
            PlainStatements.setText(statement, parameter++, LISTS.convertToDatabaseColumn(key.targetIds));
            audit.bindColumns(statement, parameter);
        }, rows -> {
            rows.next();
            return new Outcome(rows.getLong(1), rows.getLong(2) > 0);
        });
    }
}
