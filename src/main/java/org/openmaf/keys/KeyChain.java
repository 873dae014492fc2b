package org.openmaf.keys;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openmaf.onem2m.PlainStatements;
import org.openmaf.onem2m.StringListColumn;
import org.openmaf.registration.Stakeholder;

/**
 * Everything a key's use depends on at this moment (contract section 7), read by ONE statement rather than a query per
 * link: the key, its source's registration for the key's stakeholder, the stakeholder (with its authorized-client
 * patterns and limits), the caller's registration for that stakeholder and whether the caller is among the key's
 * targets. Absent links come back null; the procedures decide what a broken link means, and match the patterns in Java
 * on this one row.
 *
 * @param sourceRegistrationExpiry null when the source holds no registration for the stakeholder any more
 * @param stakeholder null when the MAF no longer serves the key's stakeholder
 * @param callerRegistrationExpiry null when the caller holds no registration for the stakeholder
 */
record KeyChain(KeyRegistration key, Instant sourceRegistrationExpiry, Stakeholder stakeholder,
        Instant callerRegistrationExpiry, boolean callerIsTarget) {

    /** The chain behind the key, as seen by the caller; empty when no key row exists. */
    static Optional<KeyChain> of(String relativeKeyId, String callerId) {
        List<Object[]> rows = KeyRegistration.getEntityManager().createQuery("select k, sr.expirationTime, s, cr.expirationTime,"
                + " case when :caller member of k.targetIds then 1 else 0 end"
                + " from KeyRegistration k"
                + " left join ClientRegistration sr on sr.clientId = k.sourceId and sr.adminFqdn = k.adminFqdn"
                + " left join Stakeholder s on s.adminFqdn = k.adminFqdn"
                + " left join ClientRegistration cr on cr.clientId = :caller and cr.adminFqdn = k.adminFqdn"
                + " where k.relativeKeyId = :key", Object[].class)
                .setParameter("key", relativeKeyId).setParameter("caller", callerId).getResultList();
        return rows.stream().findFirst().map(row -> new KeyChain((KeyRegistration) row[0], (Instant) row[1],
                (Stakeholder) row[2], (Instant) row[3], ((Number) row[4]).longValue() > 0));
    }

    /**
     * The columns a retrieval needs, in ONE statement that touches no entity and returns ONE row: the key with its sealed
     * value, its targets as an array in target order, its source's and the caller's registration and the stakeholder's
     * patterns. The targets come from the primary key's index in order, so the plan needs no sort (issue 12: every plan
     * node is set up afresh on each execution). Nothing is managed or written, so a retrieval runs in no transaction;
     * only its audit record is committed. Usually it is read along with the caller's certificate standing
     * ({@link RetrievalChainRead}), else by {@link #RETRIEVAL_CHAIN}. The key is {@code k}, the caller's ID
     * {@code caller} (an SQL expression), and the stakeholder {@code s} ({@link #STAKEHOLDER_JOIN}).
     * <p>
     * The two registrations are read by scalar subqueries (one unique row each, by the registration's unique key),
     * not joined: with few registrations PostgreSQL planned those joins as hash joins, building a hash table of every
     * registration for the one row of each retrieval; with the subqueries the statement ran about 18 % more often a
     * second (pgbench, prepared, interleaved runs; issue 12's thirteenth round).
     */
    static String retrievalColumns(String caller) {
        return "k.relative_key_id, k.source_id, k.admin_fqdn, k.suid, k.labels, k.expiration_time, k.creation_time,"
                + " k.last_modified_time, k.key_origin, k.kek_id, k.key_nonce, k.key_ciphertext,"
                + " (select sr.expiration_time from client_registration sr"
                + " where sr.client_id = k.source_id and sr.admin_fqdn = k.admin_fqdn),"
                + " s.admin_fqdn, s.authorized_clients,"
                + " (select cr.expiration_time from client_registration cr"
                + " where cr.client_id = " + caller + " and cr.admin_fqdn = k.admin_fqdn),"
                + " array(select t.target_id from key_target t where t.relative_key_id = k.relative_key_id"
                + " order by t.target_index)";
    }

    /** The join from the key {@code k} to its stakeholder {@code s}, which {@link #retrievalColumns} reads. */
    static final String STAKEHOLDER_JOIN = " left join stakeholder s on s.admin_fqdn = k.admin_fqdn";

    private static final String RETRIEVAL_CHAIN = "select " + retrievalColumns("?") + " from key_registration k"
            + STAKEHOLDER_JOIN + " where k.relative_key_id = ?";

    private static final StringListColumn LISTS = new StringListColumn();

    /**
     * The chain behind the key for a retrieval, read by {@link #RETRIEVAL_CHAIN} (plain JDBC, {@link PlainStatements});
     * the key and stakeholder it holds are detached copies (never persisted), with the sealed value for
     * {@link org.openmaf.crypto.KeyEncryption#open}.
     */
    static Optional<KeyChain> forRetrieval(String relativeKeyId, String callerId) {
        return PlainStatements.query(RETRIEVAL_CHAIN, statement -> {
            statement.setString(1, callerId);
            statement.setString(2, relativeKeyId);
        }, rows -> rows.next() ? retrievalRows(rows, 1, callerId) : Optional.empty());
    }

    /**
     * The chain from {@link #retrievalColumns}, starting at {@code column} of the row the cursor is on; empty when no
     * key row exists.
     */
    static Optional<KeyChain> retrievalRows(ResultSet rows, int column, String callerId) throws SQLException {
        int c = column - 1;
        if (rows.getString(c + 1) == null) {
            return Optional.empty();
        }
        KeyRegistration key = new KeyRegistration();
        key.relativeKeyId = rows.getString(c + 1);
        key.sourceId = rows.getString(c + 2);
        key.adminFqdn = rows.getString(c + 3);
        key.suid = rows.getInt(c + 4);
        key.labels = LISTS.convertToEntityAttribute(rows.getString(c + 5));
        key.expirationTime = PlainStatements.instant(rows, c + 6);
        key.creationTime = PlainStatements.instant(rows, c + 7);
        key.lastModifiedTime = PlainStatements.instant(rows, c + 8);
        key.keyOrigin = rows.getString(c + 9);
        key.kekId = rows.getString(c + 10);
        key.keyNonce = rows.getBytes(c + 11);
        key.keyCiphertext = rows.getBytes(c + 12);
        Instant sourceRegistration = PlainStatements.instant(rows, c + 13);
        String stakeholderId = rows.getString(c + 14);
        String patterns = rows.getString(c + 15);
        Instant callerRegistration = PlainStatements.instant(rows, c + 16);
        Array targets = rows.getArray(c + 17);
        try {
            for (Object target : (Object[]) targets.getArray()) { // String[] from PostgreSQL, Object[] from H2
                key.targetIds.add((String) target);
            }
        } finally {
            targets.free();
        }
        // A retrieval reads the stakeholder's patterns only (no lifetimes, no quota).
        Stakeholder stakeholder = stakeholderId == null ? null
                : Stakeholder.detached(stakeholderId, LISTS.convertToEntityAttribute(patterns), 0, 0);
        // Exact match, as the member-of test of of(): targets are stored canonical, and so is the caller's ID.
        return Optional.of(new KeyChain(key, sourceRegistration, stakeholder, callerRegistration,
                key.targetIds.contains(callerId)));
    }

    /** The key, its source's registration and its stakeholder all exist and are valid now. */
    boolean exists(Instant now) {
        return key.expirationTime.isAfter(now) && sourceRegistrationExpiry != null && sourceRegistrationExpiry.isAfter(now)
                && stakeholder != null;
    }

    boolean callerIsSource(String callerId) {
        return key.sourceId.equals(callerId);
    }

    boolean callerRegistered(Instant now) {
        return callerRegistrationExpiry != null && callerRegistrationExpiry.isAfter(now);
    }

    /** The stakeholder's authorized-client patterns match the source now. */
    boolean sourceAuthorized() {
        return stakeholder.authorizes(key.sourceId);
    }
}
