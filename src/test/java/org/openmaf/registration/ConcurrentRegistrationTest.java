package org.openmaf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One registration per client and stakeholder, also when the client sends several at once: the one that commits gets
 * 2001, every other one 409 / 4105 (found by the check, or by the unique constraint at flush), never a 5000.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ConcurrentRegistrationTest {

    private static final int AT_ONCE = 6;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
    }

    @Test
    void concurrentTwinsGetOneRegistrationAndConflicts() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestDatabase.clearRegistrationOf(Client.OTHER_CSE.clientId);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE)) {
                for (int i = 0; i < AT_ONCE; i++) {
                    outcomes.add(clients.submit(() -> {
                        start.await();
                        var response = Maf.post(Client.OTHER_CSE, "/maf/mafClientRegs",
                                Maf.clientReg("\"adminFQDN\":\"" + MafTestEnvironment.ADMIN_FQDN + "\""));
                        return response.statusCode() + "/" + response.header("X-M2M-RSC");
                    }));
                }
                start.countDown();
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get());
            }
            assertThat(answers).as("round %d", round).containsOnlyOnce("201/2001")
                    .allMatch(answer -> answer.equals("201/2001") || answer.equals("409/4105"));
        }
    }
}
