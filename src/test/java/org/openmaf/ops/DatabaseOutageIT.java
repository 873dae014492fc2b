package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.client.HttpResponse;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.MafOnOwnPostgres;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.OneRequest;
import org.openmaf.testing.TestPki.Client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Contract section 6, database outage: the packaged MAF under registration, retrieval and admin load over real mutual
 * TLS loses its PostgreSQL for 10 s. Every answer meanwhile is 500 / 5000 with {@code Retry-After} and the one clean
 * {@code m2m:dbg}; requests succeed again within 5 s of the database's return, without a restart; and every key the MAF
 * acknowledged with 2001, before, during or after, is there afterwards with the value the source derived itself.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(5);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(3);
    /** The pool waits at most 3 s for a connection; the rest is slack for a loaded machine. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(8);
    private static final String STORE_UNAVAILABLE = "{\"m2m:dbg\":\"the MAF's store is unavailable; retry\"}";
    private static final String KEY_REGISTRATION = "{\"m2m:symmKeyReg\":{\"adminFQDN\":\"" + MafTestEnvironment.ADMIN_FQDN
            + "\",\"suid\":32,\"targetIDs\":[\"" + Client.IN_CSE.clientId + "\"]}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MafOnOwnPostgres service;
    private static SSLContext source;
    private static SSLContext target;
    private static SSLContext operator;
    private static String adminToken;

    /** What a request got, on the test's clock (System.nanoTime). */
    record Answer(String kind, long sentAt, long answeredAt, HttpResponse response, String failure) {

        boolean succeeded() {
            return response != null && response.status() / 100 == 2;
        }
    }

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    /** RelativeKeyID to Kc, as the source derived Kc from its own connection's exporter. */
    private final Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    @BeforeAll
    static void start() throws Exception {
        service = MafOnOwnPostgres.start("outage");
        source = OneRequest.tls(Client.MN_CSE);
        target = OneRequest.tls(Client.IN_CSE);
        operator = OneRequest.tls(null);
        adminToken = AdminTokens.admin();
        for (SSLContext client : List.of(source, target)) {
            HttpResponse registered = OneRequest.send(client, service.port(), "POST", "/maf/mafClientRegs", Map.of(),
                    "{\"m2m:mafClientReg\":{\"adminFQDN\":\"" + MafTestEnvironment.ADMIN_FQDN + "\"}}").response();
            assertThat(registered.status()).as(registered.bodyText()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyAnswerDuringTheOutageIsACleanServerFaultAndEveryAcknowledgedKeySurvives() throws Exception {
        List<Thread> load = List.of(
                Thread.ofPlatform().name("registrar-1").start(() -> loop(this::registerKey)),
                Thread.ofPlatform().name("registrar-2").start(() -> loop(this::registerKey)),
                Thread.ofPlatform().name("retriever").start(() -> loop(this::retrieveKey)),
                Thread.ofPlatform().name("operator").start(() -> loop(this::listStakeholders)));
        try {
            awaitWarmLoad();
            long stopping = System.nanoTime();
            service.postgres().stopAbruptly();
            long down = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(stopping + OUTAGE.toNanos() - System.nanoTime());
            long restarting = System.nanoTime();
            service.postgres().startServer();
            long back = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(RECOVERY.plus(AFTER_RECOVERY).toNanos());
            running.set(false);
            for (Thread thread : load) {
                thread.join(Duration.ofSeconds(30));
            }

            everyAnswerIsASuccessOrTheCleanServerFault();
            List<Answer> duringOutage = answers.stream().filter(a -> a.sentAt() >= down && a.answeredAt() <= restarting).toList();
            assertThat(duringOutage).as("answers while the database was down").hasSizeGreaterThanOrEqualTo(8)
                    .noneMatch(Answer::succeeded);
            assertThat(duringOutage.stream().map(Answer::kind).distinct()).containsExactlyInAnyOrder(
                    "register", "retrieve", "admin");
            long slowest = duringOutage.stream().mapToLong(a -> a.answeredAt() - a.sentAt()).max().orElseThrow();
            assertThat(Duration.ofNanos(slowest)).as("the slowest answer during the outage: fail fast, do not hang")
                    .isLessThan(FAIL_FAST);
            Duration recovery = recoveryAfter(back);
            everyAcknowledgedKeyIsServedWithItsValue();
            theLogShowsTheOutageOnceAndNoKeys();
            System.out.printf("DatabaseOutageIT: %d requests (%d during the %d s outage, all 500/5000, the slowest in %d ms),"
                    + " first success %d ms"
                    + " after the database accepted connections again (restart took %d ms); %d keys acknowledged with"
                    + " 2001, all retrieved with the source's value%n", answers.size(), duringOutage.size(),
                    OUTAGE.toSeconds(), TimeUnit.NANOSECONDS.toMillis(slowest), recovery.toMillis(), TimeUnit.NANOSECONDS.toMillis(back - restarting),
                    acknowledged.size());
        } finally {
            running.set(false);
        }
    }

    /** Before the outage the load must be working: keys registered, retrieved, the admin API answering. */
    private void awaitWarmLoad() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Map<String, Long> successes = new java.util.HashMap<>();
            answers.stream().filter(Answer::succeeded).forEach(a -> successes.merge(a.kind(), 1L, Long::sum));
            if (successes.getOrDefault("register", 0L) >= 10 && successes.getOrDefault("retrieve", 0L) >= 3
                    && successes.getOrDefault("admin", 0L) >= 1) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the load did not get going: " + answers);
    }

    private void everyAnswerIsASuccessOrTheCleanServerFault() {
        assertThat(answers).as("requests that got no answer, or a wrong one").allSatisfy(a -> assertThat(a.failure()).isNull());
        for (Answer answer : answers) {
            if (answer.succeeded()) {
                assertThat(answer.response().status()).as(answer.kind()).isEqualTo(answer.kind().equals("register") ? 201 : 200);
                continue;
            }
            HttpResponse fault = answer.response();
            assertThat(fault.status()).as(answer.kind() + ": " + fault.bodyText()).isEqualTo(500);
            assertThat(fault.header("X-M2M-RSC")).isEqualTo("5000");
            assertThat(fault.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
            assertThat(fault.header("Content-Type")).startsWith("application/json");
            assertThat(fault.header("X-M2M-RI")).isNotBlank();
            assertThat(fault.bodyText()).isEqualTo(STORE_UNAVAILABLE);
        }
    }

    /**
     * Requests succeed within {@link #RECOVERY} of the database's return: every kind has succeeded by then, and nothing
     * sent later fails. Returns the time to the first success.
     */
    private Duration recoveryAfter(long back) {
        long bound = back + RECOVERY.toNanos();
        long firstSuccess = Long.MAX_VALUE;
        for (String kind : List.of("register", "retrieve", "admin")) {
            Optional<Answer> first = answers.stream().filter(a -> a.kind().equals(kind) && a.answeredAt() >= back && a.succeeded())
                    .min((a, b) -> Long.compare(a.answeredAt(), b.answeredAt()));
            assertThat(first).as("a %s success after the database's return", kind).isPresent();
            assertThat(first.get().answeredAt()).as("%s succeeded within %s of the database's return", kind, RECOVERY)
                    .isLessThanOrEqualTo(bound);
            firstSuccess = Math.min(firstSuccess, first.get().answeredAt());
        }
        assertThat(answers.stream().filter(a -> a.sentAt() >= bound)).as("requests sent %s after the return", RECOVERY)
                .isNotEmpty().allMatch(Answer::succeeded);
        return Duration.ofNanos(firstSuccess - back);
    }

    private void everyAcknowledgedKeyIsServedWithItsValue() throws Exception {
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(10);
        for (var key : acknowledged.entrySet()) {
            HttpResponse retrieved = OneRequest.send(target, service.port(), "GET", "/maf/symmKeyRegs/" + key.getKey(),
                    Map.of(), null).response();
            assertThat(retrieved.status()).as(key.getKey() + ": " + retrieved.bodyText()).isEqualTo(200);
            assertThat(keyValueOf(retrieved)).as(key.getKey()).isEqualTo(key.getValue());
        }
    }

    private void theLogShowsTheOutageOnceAndNoKeys() {
        String log = service.maf().output();
        assertThat(log).contains("the MAF's store is unavailable").doesNotContain("Error id").doesNotContain("\tat org.hibernate");
        for (byte[] kc : acknowledged.values()) {
            assertThat(log).doesNotContainIgnoringCase(HexFormat.of().formatHex(kc))
                    .doesNotContain(Base64.getEncoder().encodeToString(kc));
        }
    }

    // ---- the load ----

    /** Sends one request and says what came of it; null when there was nothing to send yet. */
    private interface Request {
        Answer send() throws Exception;
    }

    private void loop(Request request) {
        while (running.get()) {
            try {
                Answer answer = request.send();
                if (answer != null) {
                    answers.add(answer);
                }
                TimeUnit.MILLISECONDS.sleep(25); // a steady load, not a CPU hog on a shared machine
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Answer registerKey() {
        long sent = System.nanoTime();
        try {
            OneRequest.Exchange exchange = OneRequest.send(source, service.port(), "POST", "/maf/symmKeyRegs", Map.of(),
                    KEY_REGISTRATION);
            HttpResponse response = exchange.response();
            if (response.status() == 201) {
                String relativeKeyId = JSON.readTree(response.body()).path("m2m:symmKeyReg").path("relativeKeyID").asText();
                if (!relativeKeyId.equals(exchange.keys().relativeKeyId())) {
                    return new Answer("register", sent, System.nanoTime(), response, "the MAF's RelativeKeyID "
                            + relativeKeyId + " is not this connection's KcID " + exchange.keys().relativeKeyId());
                }
                acknowledged.put(relativeKeyId, exchange.keys().kc());
            }
            return new Answer("register", sent, System.nanoTime(), response, null);
        } catch (IOException e) {
            return new Answer("register", sent, System.nanoTime(), null, e.toString());
        }
    }

    private Answer retrieveKey() throws InterruptedException {
        List<String> ids = new ArrayList<>(acknowledged.keySet());
        if (ids.isEmpty()) {
            TimeUnit.MILLISECONDS.sleep(50);
            return null;
        }
        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        long sent = System.nanoTime();
        try {
            HttpResponse response = OneRequest.send(target, service.port(), "GET", "/maf/symmKeyRegs/" + id, Map.of(), null)
                    .response();
            boolean sameKey = response.status() != 200 || java.util.Arrays.equals(keyValueOf(response), acknowledged.get(id));
            return new Answer("retrieve", sent, System.nanoTime(), response, sameKey ? null : id + " came back with another value");
        } catch (IOException e) {
            return new Answer("retrieve", sent, System.nanoTime(), null, e.toString());
        }
    }

    private Answer listStakeholders() {
        long sent = System.nanoTime();
        try {
            HttpResponse response = OneRequest.send(operator, service.port(), "GET", "/admin/stakeholders",
                    Map.of("Authorization", "Bearer " + adminToken), null).response();
            return new Answer("admin", sent, System.nanoTime(), response, null);
        } catch (IOException e) {
            return new Answer("admin", sent, System.nanoTime(), null, e.toString());
        }
    }

    private static byte[] keyValueOf(HttpResponse response) throws IOException {
        JsonNode value = JSON.readTree(response.body()).path("m2m:symmKeyReg").path("keyValue");
        return Base64.getDecoder().decode(value.asText());
    }
}
