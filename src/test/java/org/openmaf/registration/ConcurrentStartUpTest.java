package org.openmaf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmaf.config.MafConfig;
import org.openmaf.testing.ConfiguredStakeholder;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract section 9: instances that start at the same time on one database both come up. Each applies the configured
 * stakeholders at start-up; here two such start-ups overlap in the worst order: the first has written a new configured
 * stakeholder and not yet committed when the second starts. Without the serialization both would insert it and the
 * second would die on the primary key; with it, the second waits, then finds the row and updates it.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ConcurrentStartUpTest {

    private static final String NEW = "started.together.example.org";

    @Inject
    StakeholderDirectory stakeholders;

    @Inject
    MafConfig config;

    @AfterEach
    void configuredStakeholdersOnly() {
        QuarkusTransaction.requiringNew().run(() -> stakeholders.apply(config.stakeholders()));
    }

    @Test
    void twoStartUpsApplyingTheSameNewStakeholderAtOnceBothSucceed() throws Exception {
        Map<String, MafConfig.Stakeholder> configured = new LinkedHashMap<>(config.stakeholders());
        configured.put(NEW, stakeholder());
        CountDownLatch firstWrote = new CountDownLatch(1);
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            Future<?> first = instances.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                stakeholders.apply(configured);
                Stakeholder.flush();
                firstWrote.countDown();
                // Commit only once the second start-up is held up by the database, whatever holds it.
                awaitAWaitingTransaction();
            }));
            Future<?> second = instances.submit(() -> {
                firstWrote.await();
                QuarkusTransaction.requiringNew().run(() -> stakeholders.apply(configured));
                return null;
            });
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        }
        assertThat(TestDatabase.countWhere(
                "select count(*) from stakeholder where admin_fqdn = '" + NEW + "' and managed_by = 'config'")).isEqualTo(1);
    }

    /** Until some session of this database waits for a lock (at most 10 s). */
    private static void awaitAWaitingTransaction() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (TestDatabase.countWhere("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                    + " where not l.granted and a.datname = current_database()") > 0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("The second start-up never waited for the first");
    }

    private static MafConfig.Stakeholder stakeholder() {
        return ConfiguredStakeholder.allowing("//" + MafTestEnvironment.ADMIN_FQDN + "/*");
    }
}
