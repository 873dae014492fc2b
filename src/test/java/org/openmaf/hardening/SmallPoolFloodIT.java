package org.openmaf.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;

import io.restassured.specification.RequestSpecification;

/**
 * Many more concurrent requests than the database pool has connections, on the packaged MAF with a pool of 3: every
 * retrieval answers with its key, every key registration with 2001 and every refusal with its own code, none with 5000. A request that waits for the
 * audit group commit, or for a transaction of its own to audit a refusal, must not hold a pooled connection meanwhile,
 * or the pool's connections all end up held by requests waiting for work that needs one (issue 12: with 16 clients
 * on a pool of 6 every retrieval answered 5000 after the 3 s acquisition timeout).
 */
class SmallPoolFloodIT {

    private static final int POOL = 3;
    private static final int CLIENTS = 8 * POOL;
    private static final int EACH = 5;

    private static String jdbcUrl;

    @BeforeAll
    static void freshDatabase() {
        jdbcUrl = TestDatabase.recreate("small_pool");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabase.drop("small_pool");
    }

    @Test
    void retrievalsRegistrationsAndRefusalsBeyondThePoolSizeAllGetTheirAnswers() throws Exception {
        int port = MafProcess.freePort();
        Map<String, String> settings = MafProcess.testSettings(port, jdbcUrl, TestDatabase.USER);
        settings.put("quarkus.datasource.jdbc.max-size", String.valueOf(POOL));
        try (MafProcess maf = MafProcess.maf(settings)) {
            maf.awaitLine("Listening on", 90);
            maf.keepReading();
            register(Client.MN_CSE, port);
            register(Client.IN_CSE, port);
            String key = as(Client.MN_CSE, port).contentType("application/json")
                    .body(Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId))).post("/maf/symmKeyRegs")
                    .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");

            // Retrievals: each waits for its record's group commit before it answers.
            assertThat(concurrently(() -> as(Client.IN_CSE, port).get("/maf/symmKeyRegs/" + key).statusCode()))
                    .as("retrievals by a target").containsOnly(200).hasSize(CLIENTS * EACH);
            // Key registrations: each in a transaction, each on a new connection of its own.
            assertThat(concurrently(() -> as(Client.MN_CSE, port).contentType("application/json")
                    .body(Maf.keyRegFor(32, List.of(Client.IN_CSE.clientId))).post("/maf/symmKeyRegs").statusCode()))
                    .as("key registrations").containsOnly(201);
            // Refusals: each records its refusal in a transaction of its own.
            assertThat(concurrently(() -> as(Client.IN_CSE, port).get("/maf/symmKeyRegs/0123456789ABCDEF0123456789ABCDEF")
                    .header("X-M2M-RSC"))).as("retrievals of a key that does not exist").containsOnly("4004");

            assertThat(maf.output()).doesNotContain("answered 5000").doesNotContain("Unable to acquire");
        }
    }

    private static <T> List<T> concurrently(Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS * EACH; i++) {
                answers.add(pool.submit(request));
            }
            List<T> all = new ArrayList<>();
            for (Future<T> answer : answers) {
                all.add(answer.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void register(Client client, int port) {
        as(client, port).contentType("application/json").body(Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\""))
                .post("/maf/mafClientRegs").then().statusCode(201);
    }

    private static RequestSpecification as(Client client, int port) {
        return MafClients.withKeyStore(client.pkcs12(), port);
    }
}
