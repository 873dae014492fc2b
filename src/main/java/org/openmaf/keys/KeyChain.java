package org.openmaf.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.query.NativeQuery;
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
     * The columns a retrieval needs, in ONE statement that touches no entity: the key with its sealed value, one row per
     * target (in target order), its source's and the caller's registration and the stakeholder's patterns. Nothing is
     * managed or written, so a retrieval runs in no transaction; only its audit record is committed.
     */
    private static final String RETRIEVAL_CHAIN = "select k.relative_key_id as kid, k.source_id as source, k.admin_fqdn as admin,"
            + " k.suid as suid, k.labels as labels, k.expiration_time as expiry, k.creation_time as created,"
            + " k.last_modified_time as modified, k.key_origin as origin, k.kek_id as kek, k.key_nonce as nonce,"
            + " k.key_ciphertext as sealed, sr.expiration_time as source_reg, s.admin_fqdn as stakeholder,"
            + " s.authorized_clients as patterns, cr.expiration_time as caller_reg, t.target_id as target"
            + " from key_registration k"
            + " left join client_registration sr on sr.client_id = k.source_id and sr.admin_fqdn = k.admin_fqdn"
            + " left join stakeholder s on s.admin_fqdn = k.admin_fqdn"
            + " left join client_registration cr on cr.client_id = :caller and cr.admin_fqdn = k.admin_fqdn"
            + " left join key_target t on t.relative_key_id = k.relative_key_id"
            + " where k.relative_key_id = :key order by t.target_index";

    private static final StringListColumn LISTS = new StringListColumn();

    /**
     * The chain behind the key for a retrieval, read by {@link #RETRIEVAL_CHAIN}; the key and stakeholder it holds are
     * detached copies (never persisted), with the sealed value for {@link org.openmaf.crypto.KeyEncryption#open}.
     */
    static Optional<KeyChain> forRetrieval(String relativeKeyId, String callerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = KeyRegistration.getEntityManager().createNativeQuery(RETRIEVAL_CHAIN).unwrap(NativeQuery.class)
                .addScalar("kid", String.class).addScalar("source", String.class).addScalar("admin", String.class)
                .addScalar("suid", Integer.class).addScalar("labels", String.class).addScalar("expiry", Instant.class)
                .addScalar("created", Instant.class).addScalar("modified", Instant.class).addScalar("origin", String.class)
                .addScalar("kek", String.class).addScalar("nonce", byte[].class).addScalar("sealed", byte[].class)
                .addScalar("source_reg", Instant.class).addScalar("stakeholder", String.class)
                .addScalar("patterns", String.class).addScalar("caller_reg", Instant.class).addScalar("target", String.class)
                .setParameter("key", relativeKeyId).setParameter("caller", callerId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        KeyRegistration key = new KeyRegistration();
        key.relativeKeyId = (String) first[0];
        key.sourceId = (String) first[1];
        key.adminFqdn = (String) first[2];
        key.suid = (Integer) first[3];
        key.labels = LISTS.convertToEntityAttribute((String) first[4]);
        key.expirationTime = (Instant) first[5];
        key.creationTime = (Instant) first[6];
        key.lastModifiedTime = (Instant) first[7];
        key.keyOrigin = (String) first[8];
        key.kekId = (String) first[9];
        key.keyNonce = (byte[]) first[10];
        key.keyCiphertext = (byte[]) first[11];
        for (Object[] row : rows) {
            if (row[16] != null) {
                key.targetIds.add((String) row[16]);
            }
        }
        // A retrieval reads the stakeholder's patterns only (no lifetimes, no quota).
        Stakeholder stakeholder = first[13] == null ? null
                : Stakeholder.detached((String) first[13], LISTS.convertToEntityAttribute((String) first[14]), 0, 0);
        // Exact match, as the member-of test of of(): targets are stored canonical, and so is the caller's ID.
        return Optional.of(new KeyChain(key, (Instant) first[12], stakeholder, (Instant) first[15],
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
