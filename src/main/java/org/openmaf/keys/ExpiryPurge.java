package org.openmaf.keys;

import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.openmaf.audit.AuditEntry;
import org.openmaf.audit.AuditRecord;
import org.openmaf.audit.AuditTrail;
import org.openmaf.onem2m.Rsc;
import org.openmaf.onem2m.ServerFault;
import org.openmaf.registration.RegistrationService;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes expired key and client registrations. Correctness does not depend on it (queries already treat expired
 * records, and keys whose source's registration expired, as absent); it keeps expired key ciphertexts from lingering.
 * Each package deletes its own records: the keys here, the registrations in {@link RegistrationService}.
 */
@ApplicationScoped
public class ExpiryPurge {

    private static final Logger LOG = Logger.getLogger(ExpiryPurge.class);

    @Inject
    InstantSource clock;

    @Inject
    KeyRevocation keys;

    @Inject
    RegistrationService registrations;

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
        var now = clock.instant();
        long purgedKeys = keys.purgeExpired(now);
        long purgedRegistrations = registrations.purgeExpired(now);
        if (purgedKeys + purgedRegistrations > 0) {
            LOG.infof("Purged %d expired key registrations and %d expired client registrations", purgedKeys, purgedRegistrations);
            audit.recordInCurrentTransaction(new AuditEntry(null, "expiry-purge", AuditRecord.ActorKind.SYSTEM, "EXPIRY_PURGE",
                    null, Rsc.DELETED.code(), purgedKeys + " key registrations, " + purgedRegistrations + " client registrations"));
        }
    }
}
