package org.openmaf.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.openmaf.config.MafConfig;
import java.time.InstantSource;

import io.quarkus.scheduler.Scheduled;

/**
 * Contract section 6: audit records older than {@code maf.audit.retention} (default P400D) are deleted, on the same
 * schedule as expired registrations ({@code maf.purge-interval}), so the trail cannot grow without bound.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    @Inject
    InstantSource clock;

    @Inject
    MafConfig config;

    @Scheduled(every = "${maf.purge-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        purge();
    }

    /** Deletes the records older than the retention, now by the MAF's clock; returns how many. */
    @Transactional
    public long purge() {
        var cutoff = clock.instant().minus(config.audit().retention());
        long purged = AuditRecord.delete("occurredAt < ?1", cutoff);
        if (purged > 0) {
            LOG.infof("Purged %d audit records older than %s (maf.audit.retention)", purged, config.audit().retention());
        }
        return purged;
    }
}
