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
import org.openmaf.registration.ClientRegistration;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes expired client and key registrations. Correctness does not depend on it (queries already treat expired
 * records as absent); it keeps expired key ciphertexts from lingering.
 */
@ApplicationScoped
public class ExpiryPurge {

    private static final Logger LOG = Logger.getLogger(ExpiryPurge.class);

    @Inject
    InstantSource clock;

    @Inject
    AuditTrail audit;

    @Scheduled(every = "${maf.purge-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        var now = clock.instant();
        long keys = KeyRegistration.delete("expirationTime <= ?1", now);
        long registrations = ClientRegistration.delete("expirationTime <= ?1", now);
        if (keys + registrations > 0) {
            LOG.infof("Purged %d expired key registrations and %d expired client registrations", keys, registrations);
            audit.recordInCurrentTransaction(new AuditEntry(null, "expiry-purge", AuditRecord.ActorKind.SYSTEM, "EXPIRY_PURGE",
                    null, Rsc.DELETED.code(), keys + " key registrations, " + registrations + " client registrations"));
        }
    }
}
