package org.openmaf.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The KEK canary's start-up step, called directly on the test database: concurrent first starts seal it once, and a
 * canary the configured KEK does not open (another key under the same id, or an id not configured) stops the start.
 * KekCanaryIT proves the same on the packaged MAF.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class KekCanaryTest {

    @Inject
    KekCanary canary;

    @AfterEach
    void sealedAgainUnderTheTestKek() {
        execute("delete from kek_canary");
        canary.verify();
    }

    @Test
    void instancesStartingTogetherSealOneCanaryAndAllStart() throws Exception {
        execute("delete from kek_canary");
        int instances = 4;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Void>> starts = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                starts.add(pool.submit((Callable<Void>) () -> {
                    together.await();
                    canary.verify();
                    return null;
                }));
            }
            for (Future<Void> start : starts) {
                start.get(); // throws if any start failed
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("kek_canary")).isEqualTo(1);
        assertThat(canary.stored()).hasValueSatisfying(stored -> assertThat(stored.kekId()).isEqualTo("test-k1"));
    }

    @Test
    void aCanaryTheKekOfItsIdDoesNotOpenStopsTheStartNamingTheId() {
        canary.verify();
        execute("update kek_canary set ciphertext = decode('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex')");
        assertThatThrownBy(canary::verify).isInstanceOf(KekCanary.WrongKek.class)
                .hasMessageContaining("The MAF cannot start").hasMessageContaining("'test-k1'")
                .hasMessageContaining("does not open the KEK canary")
                .hasMessageNotContaining(MafTestEnvironment.TEST_KEK).hasMessageNotContaining(MafTestEnvironment.RETIRED_TEST_KEK);
    }

    @Test
    void aCanaryUnderAnUnconfiguredKekIdStopsTheStartNamingTheId() {
        canary.verify();
        execute("update kek_canary set kek_id = 'k-escrowed-elsewhere'");
        assertThatThrownBy(canary::verify).isInstanceOf(KekCanary.WrongKek.class)
                .hasMessageContaining("sealed under KEK 'k-escrowed-elsewhere'")
                .hasMessageContaining("maf.crypto.kek-id is 'test-k1'").hasMessageContaining("[test-k0, test-k1]")
                .hasMessageNotContaining(MafTestEnvironment.TEST_KEK);
    }

    private static void execute(String sql) {
        try (var connection = TestDatabase.connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
