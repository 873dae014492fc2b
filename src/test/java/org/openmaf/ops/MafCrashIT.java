package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.client.KeyRegistrationRequest;
import org.openmaf.client.MafClient;
import org.openmaf.client.MafClientException;
import org.openmaf.client.MafClientSettings;
import org.openmaf.client.RegisteredKey;
import org.openmaf.client.RetrievedKey;
import org.openmaf.testing.MafOnOwnPostgres;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;

/**
 * Contract section 6: a 2001 on key registration means the key is committed. The packaged MAF is killed with SIGKILL
 * (no shutdown hook, no graceful close) while sources register keys concurrently through the client library; restarted
 * on the same database, it serves every key it had acknowledged, each with the Kc its source derived locally from its
 * own connection's exporter (TS-0003 10.3.1).
 */
class MafCrashIT {

    private static final int REGISTRARS = 3;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 30;

    private static MafOnOwnPostgres service;
    private static MafClient source;
    private static MafClient target;

    @BeforeAll
    static void start() throws Exception {
        service = MafOnOwnPostgres.start("crash");
        source = MafClient.create(settings(Client.MN_CSE));
        target = MafClient.create(settings(Client.IN_CSE));
        source.register(MafTestEnvironment.ADMIN_FQDN, null, null);
        target.register(MafTestEnvironment.ADMIN_FQDN, null, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyKeyAcknowledgedBeforeAKillMinusNineIsServedAfterTheRestart() throws Exception {
        ProcessHandle jvm = service.maf().handle();
        assertThat(jvm.info().command()).as("the process killed is the MAF's JVM itself, not a wrapper")
                .hasValueSatisfying(command -> assertThat(Path.of(command).getFileName()).hasToString("java"));

        Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> registrars = new java.util.ArrayList<>();
        for (int i = 0; i < REGISTRARS; i++) {
            registrars.add(Thread.ofPlatform().name("registrar-" + i).start(() -> {
                while (running.get()) {
                    inFlight.incrementAndGet();
                    try {
                        RegisteredKey key = source.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN,
                                Client.IN_CSE.clientId));
                        acknowledged.put(key.relativeKeyId(), key.psk());
                    } catch (MafClientException refused) {
                        refusals.add(refused.getMessage()); // the MAF answered, but not 2001, or not as the contract says
                    } catch (IOException connectionLost) {
                        cutOff.incrementAndGet(); // the MAF died under this request, or was not there
                        pause();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            }));
        }

        int inFlightAtKill;
        int acknowledgedAtKill;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL || inFlight.get() < 2) {
                assertThat(System.nanoTime()).as("registrations under way (%d acknowledged, refusals %s)",
                        acknowledged.size(), refusals).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(1);
            }
            inFlightAtKill = inFlight.get();
            acknowledgedAtKill = acknowledged.size();
            service.maf().kill();
            TimeUnit.MILLISECONDS.sleep(300); // the registrars keep trying at a dead MAF
        } finally {
            running.set(false);
            for (Thread registrar : registrars) {
                registrar.join(java.time.Duration.ofSeconds(40));
            }
        }
        assertThat(refusals).as("answers other than 2001 before the kill").isEmpty();
        assertThat(cutOff.get()).as("registrations the kill cut off").isPositive();

        service.startMaf();
        for (var key : acknowledged.entrySet()) {
            RetrievedKey retrieved = target.retrieveKey(key.getKey());
            assertThat(retrieved.key()).as("Kc of %s", key.getKey()).isEqualTo(key.getValue());
            assertThat(retrieved.sourceId()).isEqualTo(Client.MN_CSE.clientId);
        }
        RegisteredKey afterRestart = source.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN,
                Client.IN_CSE.clientId));
        assertThat(target.retrieveKey(afterRestart.relativeKeyId()).key()).isEqualTo(afterRestart.psk());

        System.out.printf("MafCrashIT: SIGKILL with %d registrations in flight; %d keys acknowledged with 2001 (%d when the"
                + " kill was sent), all %d retrieved after the restart with the Kc the source derived; %d attempts"
                + " cut off or finding no MAF%n", inFlightAtKill, acknowledged.size(), acknowledgedAtKill, acknowledged.size(), cutOff.get());
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(20); // no point hammering a dead port
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MafClientSettings settings(Client client) {
        return new MafClientSettings(URI.create(service.baseUri()), MafTestEnvironment.MAF_FQDN, client.certificate(),
                client.key(), List.of(TestPki.caCertificate()));
    }
}
