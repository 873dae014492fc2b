package org.openmaf.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openmaf.registration.ClientRegistration;
import org.openmaf.registration.Stakeholder;

/**
 * What a new key registration depends on (TS-0003 8.8.2.7, contract section 7), read by one statement: the source's
 * valid registration for the stakeholder, the stakeholder, and how many valid keys the source holds for it now.
 * The registration row is locked for the rest of the transaction, so concurrent registrations of one source count
 * each other's keys and the quota holds exactly; sources do not wait for each other.
 */
record SourceStanding(Instant registrationExpiry, Stakeholder stakeholder, long validKeys) {

    /** Empty when the source holds no valid registration for the stakeholder, or the stakeholder is gone. */
    static Optional<SourceStanding> of(String sourceId, String adminFqdn, Instant now) {
        List<Object[]> rows = ClientRegistration.getEntityManager().createQuery("select sr.expirationTime, s,"
                + " (select count(k) from KeyRegistration k where k.sourceId = sr.clientId and k.adminFqdn = sr.adminFqdn"
                + " and k.expirationTime > :now)"
                + " from ClientRegistration sr join Stakeholder s on s.adminFqdn = sr.adminFqdn"
                + " where sr.clientId = :source and sr.adminFqdn = :stakeholder and sr.expirationTime > :now", Object[].class)
                .setParameter("source", sourceId).setParameter("stakeholder", adminFqdn).setParameter("now", now)
                .unwrap(org.hibernate.query.SelectionQuery.class)
                .setLockMode("sr", org.hibernate.LockMode.PESSIMISTIC_WRITE)
                .getResultList();
        return rows.stream().findFirst().map(row -> new SourceStanding((Instant) row[0], (Stakeholder) row[1],
                ((Number) row[2]).longValue()));
    }
}
