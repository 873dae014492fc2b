package org.openmaf.keys;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The deletions of key registrations that no MAF procedure of the key's source asked for: an operator's revocation
 * and the expiry purge. Keys also go, without a call here, when the registration of their source ends: the schema
 * cascades (V2__ownership_and_key_targets.sql), so no path that ends a registration can leave its keys served.
 */
@ApplicationScoped
public class KeyRevocation {

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(KeyRegistration key) {
        key.delete();
    }

    /** Every key the client registered as source, for one stakeholder or, with a null adminFqdn, for all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long revokeAllOf(String sourceId, String adminFqdn) {
        return adminFqdn == null ? KeyRegistration.delete("sourceId", sourceId)
                : KeyRegistration.delete("sourceId = ?1 and adminFqdn = ?2", sourceId, adminFqdn);
    }

    /** How many keys will go with the source's registration for the stakeholder, for the operator's record. */
    public long countOf(String sourceId, String adminFqdn) {
        return KeyRegistration.count("sourceId = ?1 and adminFqdn = ?2", sourceId, adminFqdn);
    }

    /** How many keys will go with the stakeholder, for the operator's record. */
    public long countUnder(String adminFqdn) {
        return KeyRegistration.count("adminFqdn", adminFqdn);
    }

    /**
     * Expired keys, and the keys of expired source registrations (which the registrations' purge would cascade); and
     * the tombstones of KcIDs whose keys would have expired by now ({@link UsedKcId}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long purgeExpired(Instant now) {
        UsedKcId.purgeExpired(now);
        return KeyRegistration.getEntityManager().createQuery("delete from KeyRegistration k where k.expirationTime <= :now"
                + " or exists (select 1 from ClientRegistration r where r.clientId = k.sourceId and r.adminFqdn = k.adminFqdn"
                + " and r.expirationTime <= :now)").setParameter("now", now).executeUpdate();
    }
}
