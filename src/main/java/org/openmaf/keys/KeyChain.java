package org.openmaf.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
