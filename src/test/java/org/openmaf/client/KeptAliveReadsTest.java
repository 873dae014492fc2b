package org.openmaf.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads (GET) share kept-alive connections; key registrations never do. A relying CSE resolving keys pays one
 * mutual-TLS handshake per connection instead of one per key, which is a third of a security association's handshakes.
 */
class KeptAliveReadsTest {

    private static final String FQDN = "maf.test.example";
    private static final String KEY_ID = "00112233445566778899AABBCCDDEEFF";

    @TempDir
    static Path directory;
    static ClientTestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = ClientTestPki.create(directory);
    }

    private static String retrieved(KeepAliveStubMaf.Seen request) {
        return KeepAliveStubMaf.keptAlive(200, 2000, """
                {"m2m:symmKeyReg":{"relativeKeyID":"%s","sourceID":"//sp/CAE3","adminFQDN":"sp","suid":32,
                "targetIDs":["//sp/in-cse"],"expirationTime":"20261122T183000","keyValue":"%s"}}"""
                .formatted(KEY_ID, Base64.getEncoder().encodeToString(new byte[32])));
    }

    private static String registered(KeepAliveStubMaf.Seen request) {
        String kcId = HexFormat.of().withUpperCase().formatHex(request.exporter(), 0, 16);
        return KeepAliveStubMaf.keptAlive(201, 2001, """
                {"m2m:symmKeyReg":{"relativeKeyID":"%s","keyIdentifier":"%s@%s","sourceID":"%s","adminFQDN":"sp",
                "suid":32,"targetIDs":["//sp/in-cse"],"expirationTime":"20261122T183000"}}"""
                .formatted(kcId, kcId, FQDN, ClientTestPki.AE_ID));
    }

    private static KeepAliveStubMaf.Responder byMethod() {
        return request -> request.head().startsWith("POST") ? registered(request) : retrieved(request);
    }

    @Test
    void retrievalsShareOneConnection() throws Exception {
        try (KeepAliveStubMaf maf = new KeepAliveStubMaf(pki, Integer.MAX_VALUE, KeptAliveReadsTest::retrieved);
                MafClient client = MafClient.create(pki.settings(maf.port(), FQDN))) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.retrieveKey(KEY_ID).key()).hasSize(32);
            }

            assertThat(maf.connections()).isEqualTo(1);
            assertThat(maf.requests()).hasSize(3).allSatisfy(request -> {
                assertThat(request.connection()).isEqualTo(1);
                assertThat(request.head()).startsWith("GET /maf/symmKeyRegs/" + KEY_ID).doesNotContainIgnoringCase("connection:");
            });
        }
    }

    /** Kc is the exporter of the registration's own connection (TS-0003 10.3.1): never a kept one, never kept after. */
    @Test
    void aKeyRegistrationHasANewConnectionOfItsOwn() throws Exception {
        try (KeepAliveStubMaf maf = new KeepAliveStubMaf(pki, Integer.MAX_VALUE, byMethod());
                MafClient client = MafClient.create(pki.settings(maf.port(), FQDN))) {
            client.retrieveKey(KEY_ID);
            RegisteredKey key = client.registerKey(KeyRegistrationRequest.forSaef("sp", "//sp/in-cse"));
            client.retrieveKey(KEY_ID);

            assertThat(maf.connections()).isEqualTo(2);
            List<KeepAliveStubMaf.Seen> requests = maf.requests();
            assertThat(requests.get(1).connection()).isEqualTo(2);
            assertThat(requests.get(1).head()).startsWith("POST").contains("Connection: close");
            assertThat(key.relativeKeyId()).isEqualTo(HexFormat.of().withUpperCase().formatHex(requests.get(1).exporter(), 0, 16));
            assertThat(requests.get(2).connection()).as("the retrieval after it goes on the kept connection").isEqualTo(1);
            assertThat(maf.awaitEnd(2)).as("the registration's connection is closed").isTrue();
        }
    }

    @Test
    void aConnectionTheMafClosedIsReplacedOnce() throws Exception {
        try (KeepAliveStubMaf maf = new KeepAliveStubMaf(pki, 1, KeptAliveReadsTest::retrieved);
                MafClient client = MafClient.create(pki.settings(maf.port(), FQDN))) {
            client.retrieveKey(KEY_ID);
            assertThat(maf.awaitEnd(1)).isTrue(); // the MAF closed the kept connection, as its idle timeout does

            assertThat(client.retrieveKey(KEY_ID).key()).hasSize(32);

            assertThat(maf.connections()).isEqualTo(2);
            assertThat(maf.requests()).extracting(KeepAliveStubMaf.Seen::connection).containsExactly(1, 2);
        }
    }

    @Test
    void aResponseThatSaysCloseIsNotKept() throws Exception {
        try (KeepAliveStubMaf maf = new KeepAliveStubMaf(pki, Integer.MAX_VALUE,
                request -> retrieved(request).replace("Content-Type:", "Connection: close\r\nContent-Type:"));
                MafClient client = MafClient.create(pki.settings(maf.port(), FQDN))) {
            client.retrieveKey(KEY_ID);
            client.retrieveKey(KEY_ID);

            assertThat(maf.connections()).isEqualTo(2);
            assertThat(maf.awaitEnd(1)).isTrue();
        }
    }

    /** A MAF that is slow is not asked twice: the timeout reaches the caller, and no new connection is opened. */
    @Test
    void aReadThatTimedOutIsNotRepeated() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (KeepAliveStubMaf maf = new KeepAliveStubMaf(pki, Integer.MAX_VALUE, request -> {
            if (request.before() > 0) { // the second request on the kept connection is never answered
                await(never);
            }
            return retrieved(request);
        })) {
            MafClientSettings base = pki.settings(maf.port(), FQDN);
            MafClientSettings quick = new MafClientSettings(base.mafUri(), base.mafFqdn(), base.certificateChain(),
                    base.privateKey(), base.trustAnchors(), Duration.ofMillis(500));
            try (MafClient client = MafClient.create(quick)) {
                client.retrieveKey(KEY_ID);
                assertThatThrownBy(() -> client.retrieveKey(KEY_ID)).isInstanceOf(SocketTimeoutException.class);
                assertThat(maf.connections()).isEqualTo(1);
            } finally {
                never.countDown();
            }
        }
    }

    @Test
    void concurrentRetrievalsKeepAtMostTheirNumberOfConnections() throws Exception {
        try (KeepAliveStubMaf maf = new KeepAliveStubMaf(pki, Integer.MAX_VALUE, KeptAliveReadsTest::retrieved);
                MafClient client = MafClient.create(pki.settings(maf.port(), FQDN))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 5; round++) {
                    List<Future<RetrievedKey>> keys = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        keys.add(pool.submit(() -> client.retrieveKey(KEY_ID)));
                    }
                    for (Future<RetrievedKey> key : keys) {
                        assertThat(key.get().key()).hasSize(32);
                    }
                }
            } finally {
                pool.shutdown();
            }

            assertThat(maf.requests()).hasSize(20);
            assertThat(maf.connections()).isBetween(1, 4);
        }
    }

    @Test
    void closingTheClientClosesItsKeptConnections() throws Exception {
        try (KeepAliveStubMaf maf = new KeepAliveStubMaf(pki, Integer.MAX_VALUE, KeptAliveReadsTest::retrieved)) {
            MafClient client = MafClient.create(pki.settings(maf.port(), FQDN));
            client.retrieveKey(KEY_ID);
            assertThat(maf.awaitEnd(1, 300)).as("kept open while the client lives").isFalse();

            client.close();

            assertThat(maf.awaitEnd(1)).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
