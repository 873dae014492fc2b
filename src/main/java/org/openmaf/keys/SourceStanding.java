package org.openmaf.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.openmaf.registration.ClientRegistration;
import org.openmaf.registration.Stakeholder;

/**
 * What a new key registration depends on (TS-0003 8.8.2.7, contract section 7): the source's valid registration for
 * the stakeholder, the stakeholder, and how many valid keys the source holds for it now.
 * <p>
 * The source's registration row is locked first, on its own, for the rest of the transaction: concurrent registrations
 * of one source then count each other's keys and the quota holds exactly, while sources do not wait for each other.
 * (Locking it in the same statement as the stakeholder would make Hibernate lock the stakeholder row too, and every
 * key registration for that stakeholder would wait for the one before.) The stakeholder and the count come from a
 * second statement.
 */
record SourceStanding(Instant registrationExpiry, Stakeholder stakeholder, long validKeys) {

    /** Empty when the source holds no valid registration for the stakeholder, or the stakeholder is gone. */
    static Optional<SourceStanding> of(String sourceId, String adminFqdn, Instant now) {
        Optional<ClientRegistration> registration = ClientRegistration.<ClientRegistration>find(
                "clientId = ?1 and adminFqdn = ?2 and expirationTime > ?3", sourceId, adminFqdn, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (registration.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = Stakeholder.getEntityManager().createQuery("select s, (select count(k) from KeyRegistration k"
                + " where k.sourceId = :source and k.adminFqdn = s.adminFqdn and k.expirationTime > :now)"
                + " from Stakeholder s where s.adminFqdn = :stakeholder", Object[].class)
                .setParameter("source", sourceId).setParameter("stakeholder", adminFqdn).setParameter("now", now)
                .getResultList();
        return rows.stream().findFirst().map(row -> new SourceStanding(registration.get().expirationTime,
                (Stakeholder) row[0], ((Number) row[1]).longValue()));
    }
}
