package org.openmaf.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.openmaf.audit.AuditEntry;
import org.openmaf.audit.AuditRecord;
import org.openmaf.audit.AuditTrail;
import org.openmaf.onem2m.Rsc;
import org.openmaf.onem2m.ServerFault;
import org.openmaf.registration.ClientRegistration;
import org.openmaf.time.MafClock;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes expired client and key registrations. Correctness does not depend on it (queries already treat expired
 * records as absent); it keeps expired key ciphertexts from lingering.
 */
@ApplicationScoped
public class ExpiryPurge {

    private static final Logger LOG = Logger.getLogger(ExpiryPurge.class);

    @Inject
    MafClock clock;

    @Inject
    AuditTrail audit;

    /** A purge that fails (the database is down) is tried again next interval; one log line, not a stack a minute. */
    @Scheduled(every = "${maf.purge-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            purge();
        } catch (RuntimeException e) {
            if (ServerFault.of(e) == ServerFault.STORE_UNAVAILABLE) {
                LOG.warnf("Expiry purge skipped, the MAF's store is unavailable: %s", e.getClass().getName());
            } else {
                LOG.error("Expiry purge failed", e);
            }
        }
    }

    @Transactional
    public void purge() {
        var now = clock.now();
        long keys = KeyRegistration.delete("expirationTime <= ?1", now);
        long registrations = ClientRegistration.delete("expirationTime <= ?1", now);
        if (keys + registrations > 0) {
            LOG.infof("Purged %d expired key registrations and %d expired client registrations", keys, registrations);
            audit.recordInCurrentTransaction(new AuditEntry(null, "expiry-purge", AuditRecord.ActorKind.SYSTEM, "EXPIRY_PURGE",
                    null, Rsc.DELETED.code(), keys + " key registrations, " + registrations + " client registrations"));
        }
    }
}
