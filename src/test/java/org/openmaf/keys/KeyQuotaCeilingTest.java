package org.openmaf.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdjustableClock;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.Maf;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki.Client;
import org.openmaf.wire.M2mTimestamp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * max-keys-per-client (contract section 7) through the key ceiling (V9, {@link NewKeyStatement}): a registration below
 * the ceiling is admitted without counting the source's keys, one at the ceiling counts them, and either way the quota
 * holds exactly, with expired and de-registered keys not counted. Over real mutual TLS against PostgreSQL.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class KeyQuotaCeilingTest {

    private static final String STAKEHOLDER = "quota.example.org";
    private static final String MN = Client.MN_CSE.clientId;
    private static final String IN = Client.IN_CSE.clientId;

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.clearProcedureData();
        TestDatabase.update("delete from stakeholder where admin_fqdn = ?", STAKEHOLDER);
    }

    @AfterEach
    void realTime() {
        clock.reset();
        TestDatabase.clearProcedureData();
        TestDatabase.update("delete from stakeholder where admin_fqdn = ?", STAKEHOLDER);
    }

    @Test
    void theCeilingRisesWithEachKeyAndAtTheQuotaTheKeysAreCounted() {
        stakeholderWithQuota(3);
        String first = key();
        key();
        assertThat(ceiling()).isEqualTo(2);

        // A de-registration does not lower the ceiling: it stays an upper bound, and the next key raises it.
        MafClients.as(Client.MN_CSE).delete("/maf/symmKeyRegs/" + first).then().statusCode(200);
        assertThat(ceiling()).isEqualTo(2);
        key();
        assertThat(ceiling()).isEqualTo(3);

        // At the ceiling the keys are counted: 2 valid, so there is room, and the ceiling is the count plus this key.
        key();
        assertThat(validKeys()).isEqualTo(3);
        assertThat(ceiling()).isEqualTo(3);

        refused().body("'m2m:dbg'", containsString("holds 3 valid keys"));
        assertThat(validKeys()).isEqualTo(3);
    }

    @Test
    void expiredKeysMakeRoomBeforeThePurge() {
        stakeholderWithQuota(2);
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));
        key(inAnHour);
        key(inAnHour);
        refused();

        clock.advance(Duration.ofHours(2)); // both keys expired, still stored (no purge here)
        key();
        assertThat(TestDatabase.countWhere("select count(*) from key_registration where source_id = '" + MN + "'"))
                .isEqualTo(3);
        assertThat(ceiling()).isEqualTo(1);
        key();
        refused().body("'m2m:dbg'", containsString("holds 2 valid keys"));
    }

    /** A source whose registration has no ceiling yet (keys registered before V9) is counted, not trusted to be empty. */
    @Test
    void aSourceWithoutCeilingIsCounted() {
        stakeholderWithQuota(2);
        String first = key();
        key();
        TestDatabase.update("delete from source_key_ceiling where source_id = ?", MN);

        refused().body("'m2m:dbg'", containsString("holds 2 valid keys"));
        MafClients.as(Client.MN_CSE).delete("/maf/symmKeyRegs/" + first).then().statusCode(200);
        key();
        assertThat(ceiling()).isEqualTo(2);
    }

    /**
     * Registrations of one source wait for each other on its ceiling row (below the quota; the UPDATE re-reads the row
     * the one before committed) or on its registration row (at the quota, where the keys are counted after the one
     * before committed), so none is admitted on a stale ceiling or count.
     */
    @Test
    void concurrentRegistrationsOfOneSourceStopExactlyAtTheQuota() throws Exception {
        stakeholderWithQuota(5);
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyReg(null)).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }
        assertThat(statuses).containsOnly(201, 400);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(5);
        assertThat(validKeys()).isEqualTo(5);
        assertThat(ceiling()).isEqualTo(5);
    }

    /**
     * A registration below the ceiling locks nothing before its one statement, which key-share locks the source's
     * registration row before it raises the ceiling. So while a de-registration holds that row, the registration waits
     * without holding the ceiling (the de-registration's cascade deletes the ceiling: had the registration taken it
     * first, each would wait for the other, a deadlock), then finds no registration (4103) and leaves no key.
     */
    @Test
    void aRegistrationWaitsForTheSourcesRegistrationRowBeforeItTakesTheCeiling() throws Exception {
        String registration = stakeholderWithQuota(1000);
        key(); // the source's first key creates its ceiling: the next one is admitted below it
        try (Connection deRegistration = TestDatabase.connect(); Connection probe = TestDatabase.connect()) {
            deRegistration.setAutoCommit(false);
            try (var lock = deRegistration.prepareStatement("select 1 from client_registration where id = ? for update")) {
                lock.setString(1, registration);
                lock.executeQuery().close();
            }
            CompletableFuture<Integer> racing = CompletableFuture
                    .supplyAsync(() -> Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyReg(null)).statusCode());
            awaitLockWait(probe);

            probe.setAutoCommit(false);
            try (var ceiling = probe.prepareStatement("select 1 from source_key_ceiling where source_id = ? for update nowait")) {
                ceiling.setString(1, MN);
                ceiling.executeQuery().close(); // fails (55P03) if the waiting registration holds the ceiling
            }
            probe.rollback();

            try (var delete = deRegistration.prepareStatement("delete from client_registration where id = ?")) {
                delete.setString(1, registration);
                delete.executeUpdate();
            }
            deRegistration.commit();
            assertThat(racing.get(30, TimeUnit.SECONDS)).isEqualTo(403);
        }
        assertThat(TestDatabase.countWhere("select count(*) from key_registration where source_id = '" + MN + "'")).isZero();
        assertThat(TestDatabase.orphans()).isZero();
    }

    /** Until some backend of the test database waits for a lock (the registration, for the row locked above). */
    private static void awaitLockWait(Connection probe) throws Exception {
        for (int i = 0; i < 300; i++) {
            try (var waiting = probe.createStatement().executeQuery("select count(*) from pg_stat_activity"
                    + " where datname = current_database() and wait_event_type = 'Lock'")) {
                waiting.next();
                if (waiting.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the registration never waited for the source's registration row");
    }

    /** Returns the MN-CSE's mafClientRegID for the stakeholder. */
    private static String stakeholderWithQuota(int quota) {
        MafClients.asAdmin(AdminTokens.admin()).contentType("application/json")
                .body("{\"adminFqdn\":\"" + STAKEHOLDER + "\",\"authorizedClients\":[\"//my.m2mprovider.org/*\"],"
                        + "\"maxKeysPerClient\":" + quota + "}")
                .post("/admin/stakeholders").then().statusCode(201);
        return registerFor(STAKEHOLDER);
    }

    private static String registerFor(String stakeholder) {
        return Maf.post(Client.MN_CSE, "/maf/mafClientRegs", Maf.clientReg("\"adminFQDN\":\"" + stakeholder + "\""))
                .then().statusCode(201).extract().path("'m2m:mafClientReg'.mafClientRegID");
    }

    private static String key() {
        return key(null);
    }

    private static String key(Instant expiry) {
        return Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyReg(expiry)).then().statusCode(201)
                .extract().path("'m2m:symmKeyReg'.relativeKeyID");
    }

    private static io.restassured.response.ValidatableResponse refused() {
        Response response = Maf.post(Client.MN_CSE, "/maf/symmKeyRegs", keyReg(null));
        return response.then().statusCode(400).header("X-M2M-RSC", "4000")
                .body("'m2m:dbg'", containsString("max-keys-per-client"));
    }

    private static String keyReg(Instant expiry) {
        return Maf.keyReg("\"adminFQDN\":\"" + STAKEHOLDER + "\",\"suid\":32,\"targetIDs\":[\"" + IN + "\"]"
                + (expiry == null ? "" : ",\"expirationTime\":\"" + M2mTimestamp.format(expiry) + "\""));
    }

    private static long ceiling() {
        return TestDatabase.countWhere("select valid_keys_at_most from source_key_ceiling where source_id = '" + MN
                + "' and admin_fqdn = '" + STAKEHOLDER + "'");
    }

    private long validKeys() {
        return TestDatabase.countWhere("select count(*) from key_registration where source_id = '" + MN
                + "' and admin_fqdn = '" + STAKEHOLDER + "' and expiration_time > '" + clock.instant() + "'");
    }
}
