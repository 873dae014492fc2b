package org.openmaf.metrics;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.openmaf.keys.KeyRegistration;
import org.openmaf.registration.ClientRegistration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * How many key registrations ({@code maf_keys_stored}) and client registrations ({@code maf_registrations}) the
 * database holds, expired ones not yet purged included. Counted every 30 s by the scheduler and kept here, so a scrape
 * (every few seconds, from each Prometheus) never runs a query; with several instances each reports the same shared
 * count. Until the first count, and while the database cannot be read, the last value stays (NaN before any).
 */
@Startup
@ApplicationScoped
public class StoredCounts {

    private static final Logger LOG = Logger.getLogger(StoredCounts.class);
    private static final long UNKNOWN = -1;

    private final AtomicLong keys = new AtomicLong(UNKNOWN);
    private final AtomicLong registrations = new AtomicLong(UNKNOWN);

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void registerGauges() {
        Gauge.builder("maf.keys.stored", keys, StoredCounts::known)
                .description("Key registrations stored (counted every 30 s)").register(registry);
        Gauge.builder("maf.registrations", registrations, StoredCounts::known)
                .description("MAF client registrations stored (counted every 30 s)").register(registry);
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void countOnSchedule() {
        try {
            count();
        } catch (RuntimeException e) { // the database is down: the purge and the health check say so already
            LOG.debugf("Stored counts not refreshed: %s", e.getClass().getName());
        }
    }

    /** Counts now; public so that a test need not wait for the schedule. */
    @Transactional
    public void count() {
        keys.set(KeyRegistration.count());
        registrations.set(ClientRegistration.count());
    }

    private static double known(AtomicLong count) {
        long value = count.get();
        return value == UNKNOWN ? Double.NaN : value;
    }
}
