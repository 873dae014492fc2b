package org.openmaf.keys;

import java.time.Instant;
import java.util.Optional;

import org.openmaf.audit.AuditRecord;
import org.openmaf.onem2m.PlainStatements;
import org.openmaf.onem2m.StringListColumn;

/**
 * PostgreSQL: a new key, its targets, its KcID's tombstone and its audit record written by ONE statement (data-modifying
 * WITH queries, each value bound once in {@code p}; plain JDBC, {@link PlainStatements}), which also checks the quota
 * (max-keys-per-client, contract section 7) and writes nothing when it is reached. Two statements share those writes
 * and differ in how they decide that the source has room:
 * <ul>
 * <li>{@link #insertBelowCeiling}, on its own (no transaction around it, its commit is its end): it raises the source's
 * ceiling (V9, an upper bound on its valid keys that only a registration raises) by one while that is below the quota.
 * The ceiling row's lock is its only wait: an {@code UPDATE} that waited for a concurrent registration of the same
 * source re-reads the row that one committed before it decides, so the bound holds exactly, and the lock is held only
 * from this statement to its own commit (issue 12: a source's registrations queued for its registration row from the
 * first statement of their transaction to its commit). Before the ceiling, it takes a key-share lock on the source's
 * registration row, as the key's foreign key would at the end of the statement anyway: a de-registration then either
 * waits for this key and deletes it with the registration, or went first and this statement finds no registration.
 * Taken in this order, the two locks cannot deadlock with the de-registration's cascade to the ceiling.</li>
 * <li>{@link #insert}, inside a transaction, after the source's registration row is locked
 * ({@link SourceStanding#lockedOnPostgreSql}): when the ceiling is at the quota, or there is none (a registration's
 * first key, or one made before V9), or the registration went. It counts the keys only when the ceiling is not below
 * the quota, then sets the ceiling to what it found plus the new key. The statement's snapshot is taken after the lock
 * was granted, so it sees the ceiling and the keys of every registration of this source committed before.</li>
 * </ul>
 * The tombstone's and the key's primary keys, not a read before, refuse a KcID used before (ON CONFLICT DO NOTHING, so
 * the transaction stays usable for the refusal); a KcID refused that way after the ceiling was raised leaves the
 * ceiling one higher than the keys, which an upper bound allows. Elsewhere (H2, dev mode) the entities are persisted
 * one by one.
 */
final class NewKeyStatement {

    private static final String PARAMETERS = "with p as (select cast(? as text) as source, cast(? as text) as stakeholder,"
            + "   cast(? as timestamptz) as now, cast(? as text) as kid, cast(? as timestamptz) as kept_until,"
            + "   cast(? as integer) as quota, cast(? as boolean) as exporter, cast(? as integer) as suid,"
            + "   cast(? as text) as labels, cast(? as timestamptz) as expiry, cast(? as text) as origin,"
            + "   cast(? as text) as kek, cast(? as bytea) as nonce, cast(? as bytea) as ciphertext,"
            + "   cast(? as text) as targets, cast(? as timestamptz) as occurred_at, cast(? as text) as request_id,"
            + "   cast(? as text) as actor, cast(? as text) as actor_kind, cast(? as text) as procedure,"
            + "   cast(? as text) as resource, cast(? as integer) as rsc, cast(? as text) as detail),";

    /**
     * The source's valid keys at most, in {@code standing}: the ceiling while it is below the quota, else counted
     * (COALESCE evaluates the count only when the first is null).
     */
    private static final String COUNTED = " standing as (select coalesce((select c.valid_keys_at_most from source_key_ceiling c"
            + "   where c.source_id = p.source and c.admin_fqdn = p.stakeholder and c.valid_keys_at_most < p.quota),"
            + "   (select count(*) from key_registration k"
            + "   where k.source_id = p.source and k.admin_fqdn = p.stakeholder and k.expiration_time > p.now))"
            + "   as valid_keys from p),";

    /**
     * The source's valid keys at most, in {@code standing}, and the ceiling raised by this key; no row when the ceiling
     * is at the quota or missing, or the source holds no valid registration. The uncorrelated EXISTS is an initial
     * plan, run before the ceiling is read, so the registration row is locked first.
     */
    private static final String CLAIMED = " registration as (select r.client_id from client_registration r, p"
            + "   where r.client_id = p.source and r.admin_fqdn = p.stakeholder and r.expiration_time > p.now"
            + "   for key share of r),"
            + " standing as (update source_key_ceiling c set valid_keys_at_most = c.valid_keys_at_most + 1 from p"
            + "   where c.source_id = p.source and c.admin_fqdn = p.stakeholder and c.valid_keys_at_most < p.quota"
            + "   and exists (select 1 from registration) returning c.valid_keys_at_most - 1 as valid_keys),";

    /** The key, its tombstone, targets and audit record, when {@code standing} leaves room. */
    private static final String WRITES = " tombstone as (insert into used_kcid (relative_key_id, kept_until)"
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
            + "   from registered, p)";

    /** The counted statement sets the ceiling to what it found plus the key it inserted. */
    private static final String CEILING_SET = ", ceiling as (insert into source_key_ceiling (source_id, admin_fqdn,"
            + "   valid_keys_at_most)"
            + "   select p.source, p.stakeholder, standing.valid_keys + (select count(*) from registered) from standing, p"
            + "   on conflict (source_id, admin_fqdn) do update set valid_keys_at_most = excluded.valid_keys_at_most)";

    private static final String OUTCOME = " select (select valid_keys from standing) as valid_keys,"
            + " (select count(*) from registered) as inserted";

    private static final String INSERT_BELOW_CEILING = PARAMETERS + CLAIMED + WRITES + OUTCOME;

    private static final String INSERT = PARAMETERS + COUNTED + WRITES + CEILING_SET + OUTCOME;

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
     * The key written if the source's ceiling is below the quota, raising it; run outside a transaction (the statement
     * commits on its own). Empty, having written nothing, when the ceiling is at the quota or missing or the source
     * holds no valid registration: then {@link #insert} decides, under the registration row's lock.
     *
     * @param tombstoneUntil how long the exporter-derived KcID stays used; null for a self-generated key (no tombstone)
     * @param audit the success record, written only with the key
     */
    static Optional<Outcome> insertBelowCeiling(KeyRegistration key, Instant tombstoneUntil, int quota, Instant now,
            AuditRecord audit) {
        return PlainStatements.query(INSERT_BELOW_CEILING, bound(key, tombstoneUntil, quota, now, audit), rows -> {
            rows.next();
            long validKeys = rows.getLong(1);
            return rows.wasNull() ? Optional.empty() : Optional.of(new Outcome(validKeys, rows.getLong(2) > 0));
        });
    }

    /**
     * The key written if the source has room, counting its keys when its ceiling is at the quota; run in a transaction
     * that locked the source's registration row first ({@link SourceStanding#lockedOnPostgreSql}).
     *
     * @param tombstoneUntil how long the exporter-derived KcID stays used; null for a self-generated key (no tombstone)
     * @param audit the success record, written only with the key
     */
    static Outcome insert(KeyRegistration key, Instant tombstoneUntil, int quota, Instant now, AuditRecord audit) {
        return PlainStatements.query(INSERT, bound(key, tombstoneUntil, quota, now, audit), rows -> {
            rows.next();
            return new Outcome(rows.getLong(1), rows.getLong(2) > 0);
        });
    }

    /** The parameters of {@code p}, in its order; the same for both statements. */
    private static PlainStatements.Parameters bound(KeyRegistration key, Instant tombstoneUntil, int quota, Instant now,
            AuditRecord audit) {
        return statement -> {
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
        };
    }
}
