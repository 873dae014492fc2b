package org.openmaf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Throughput of the two hot procedures against PostgreSQL, printed, not asserted against a target (a benchmark, not a
 * timed test). Run: {@code ./mvnw test -Pbenchmark}. The server runs in the same JVM and on the same cores as the load.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class KeyThroughputBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

    @BeforeEach
    void clients() {
        TestDatabase.clearProcedureData();
        Maf.register(Client.MN_CSE);
        Maf.register(Client.IN_CSE);
    }

    @Test
    void keyRetrievalsOverKeptAliveMutualTlsConnections() throws Exception {
        String key = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId)))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
        SSLContext inCse = RawHttps.context(Client.IN_CSE);
        long operations = run("key retrievals (GET /maf/symmKeyRegs/{id}, keep-alive)", () -> {
            try (RawHttps connection = RawHttps.open(inCse)) {
                long count = 0;
                long deadline = System.nanoTime() + WARM_UP.plus(MEASURE).toNanos();
                long measureFrom = System.nanoTime() + WARM_UP.toNanos();
                while (System.nanoTime() < deadline) {
                    assertThat(connection.exchange("GET", "/maf/symmKeyRegs/" + key, null)).isEqualTo(200);
                    if (System.nanoTime() >= measureFrom) {
                        count++;
                    }
                }
                return count;
            }
        });
        assertThat(operations).isPositive();
    }

    @Test
    void keyRegistrationsEachOnANewMutualTlsConnection() throws Exception {
        SSLContext mnCse = RawHttps.context(Client.MN_CSE);
        String body = Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId));
        long operations = run("key registrations (POST /maf/symmKeyRegs, new TLS 1.3 connection each)", () -> {
            long count = 0;
            long deadline = System.nanoTime() + WARM_UP.plus(MEASURE).toNanos();
            long measureFrom = System.nanoTime() + WARM_UP.toNanos();
            while (System.nanoTime() < deadline) {
                try (RawHttps connection = RawHttps.open(mnCse)) {
                    assertThat(connection.exchange("POST", "/maf/symmKeyRegs", body)).isEqualTo(201);
                }
                if (System.nanoTime() >= measureFrom) {
                    count++;
                }
            }
            return count;
        });
        assertThat(operations).isPositive();
    }

    private static long run(String what, Callable<Long> worker) throws Exception {
        long total = 0;
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(worker));
            }
            for (Future<Long> result : results) {
                total += result.get();
            }
        }
        double perSecond = total / (double) MEASURE.toSeconds();
        System.out.printf("BENCHMARK %s: %.0f per second (%d in %d s, %d client threads, %d cores, PostgreSQL)%n", what,
                perSecond, total, MEASURE.toSeconds(), THREADS, Runtime.getRuntime().availableProcessors());
        return total;
    }
}
