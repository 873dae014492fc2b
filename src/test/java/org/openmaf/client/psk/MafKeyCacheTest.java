package org.openmaf.client.psk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openmaf.client.RetrievedKey;
import org.openmaf.wire.KeyIdentifier;

/** The relying CSE's key cache with a hand-moved clock, which is also Caffeine's ticker. */
class MafKeyCacheTest {

    private static final String REL = "00112233445566778899AABBCCDDEEFF";
    private static final KeyIdentifier ID = new KeyIdentifier(REL, "maf.test.example");
    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    private static final byte[] KC = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void aKeyIsFetchedOnceAndServedFromCacheUntilItsExpirationTimeNotBeyond() {
        MutableClock clock = new MutableClock(START);
        StubKeySource maf = new StubKeySource().add(REL, KC, "//sp/CAE3", 32, START.plus(Duration.ofHours(1)));
        MafKeyCache cache = new MafKeyCache(maf, clock);

        assertThat(cache.lookup(ID)).isPresent();
        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(cache.lookup(ID)).get().extracting(RetrievedKey::sourceId).isEqualTo("//sp/CAE3");
        assertThat(maf.retrievals).hasValue(1);

        clock.advance(Duration.ofSeconds(1)); // exactly expirationTime: the Kc Lifetime is over
        assertThat(cache.lookup(ID)).isEmpty();
        assertThat(maf.retrievals).as("asked the MAF again in case the key was extended").hasValue(2);
    }

    @Test
    void anExpiredKeyIsWipedNotJustDropped() {
        MutableClock clock = new MutableClock(START);
        StubKeySource maf = new StubKeySource().add(REL, KC, "//sp/CAE3", 32, START.plus(Duration.ofMinutes(10)));
        MafKeyCache cache = new MafKeyCache(maf, clock, MafKeyCache.Settings.DEFAULTS, Runnable::run);
        RetrievedKey held = cache.lookup(ID).orElseThrow();
        assertThat(held.key()).isEqualTo(KC);

        clock.advance(Duration.ofMinutes(10));

        assertThat(cache.size()).as("expired at expirationTime").isZero();
        assertThat(held.key()).as("Kc is not kept beyond its lifetime").containsOnly(0);
    }

    @Test
    void anExtendedKeyIsPickedUpAfterTheCachedLifetimeEnds() {
        MutableClock clock = new MutableClock(START);
        StubKeySource maf = new StubKeySource().add(REL, KC, "//sp/CAE3", 32, START.plus(Duration.ofHours(1)));
        MafKeyCache cache = new MafKeyCache(maf, clock);
        cache.lookup(ID);

        maf.add(REL, KC, "//sp/CAE3", 32, START.plus(Duration.ofHours(3)));
        clock.advance(Duration.ofHours(2));

        assertThat(cache.lookup(ID)).get().extracting(RetrievedKey::expirationTime).isEqualTo(START.plus(Duration.ofHours(3)));
    }

    @Test
    void unknownIdentitiesAreRememberedForTheUnknownKeyTtlOnly() {
        MutableClock clock = new MutableClock(START);
        StubKeySource maf = new StubKeySource();
        MafKeyCache cache = new MafKeyCache(maf, clock, new MafKeyCache.Settings(100, Duration.ofSeconds(5)));

        assertThat(cache.lookup(ID)).isEmpty();
        clock.advance(Duration.ofSeconds(4));
        maf.add(REL, KC, "//sp/CAE3", 32, START.plus(Duration.ofHours(1)));
        assertThat(cache.lookup(ID)).as("still answered from the negative entry").isEmpty();
        assertThat(maf.retrievals).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.lookup(ID)).as("the refusal is forgotten after 5 s").isPresent();
        assertThat(maf.retrievals).hasValue(2);
    }

    /**
     * Caffeine handles a load's completion (and computes the entry's expiry) on the loading thread after it has released
     * the waiting handshake, so the clock may already have moved: the refusal's time still runs from the MAF's answer.
     */
    @Test
    void aRefusalIsRememberedFromTheMafsAnswerEvenWhenTheCacheRecordsItLate() throws Exception {
        CountDownLatch clockMoved = new CountDownLatch(1);
        MutableClock clock = new MutableClock(START) {
            @Override
            public Instant instant() {
                if (Thread.currentThread().getName().equals("late-loader") && !insideLoad()) {
                    awaitQuietly(clockMoved);
                }
                return super.instant();
            }
        };
        StubKeySource maf = new StubKeySource();
        Thread handshake = Thread.currentThread();
        KeySource answersOnceTheHandshakeWaits = id -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (handshake.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return maf.retrieve(id);
        };
        MafKeyCache cache = new MafKeyCache(answersOnceTheHandshakeWaits, clock,
                new MafKeyCache.Settings(100, Duration.ofSeconds(5)), task -> Thread.ofPlatform().name("late-loader").start(task));

        assertThat(cache.lookup(ID)).isEmpty();
        clock.advance(Duration.ofSeconds(4));
        clockMoved.countDown();
        maf.add(REL, KC, "//sp/CAE3", 32, START.plus(Duration.ofHours(1)));
        assertThat(cache.lookup(ID)).as("still answered from the negative entry").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.lookup(ID)).as("forgotten 5 s after the MAF's answer, not after the cache recorded it").isPresent();
        assertThat(maf.retrievals).hasValue(2);
    }

    private static boolean insideLoad() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                frame.getClassName().equals(MafKeyCache.class.getName()) && frame.getMethodName().equals("load")));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aKeyWithoutLifetimeLeftIsRefusedAndRememberedAsRefused() {
        MutableClock clock = new MutableClock(START);
        StubKeySource maf = new StubKeySource().add(REL, KC, "//sp/CAE3", 32, START);
        MafKeyCache cache = new MafKeyCache(maf, clock);

        assertThat(cache.lookup(ID)).isEmpty();
        assertThat(cache.lookup(ID)).isEmpty();
        assertThat(maf.retrievals).hasValue(1);
    }

    @Test
    void transportFailuresAreNotCached() {
        AtomicInteger attempts = new AtomicInteger();
        MafKeyCache cache = new MafKeyCache(id -> {
            attempts.incrementAndGet();
            throw new IOException("connection refused");
        }, new MutableClock(START));

        assertThat(cache.lookup(ID)).isEmpty();
        assertThat(cache.lookup(ID)).isEmpty();
        assertThat(attempts).as("an unreachable MAF is asked again on the next handshake").hasValue(2);
    }

    @Test
    void theMafFqdnsCaseDoesNotMakeASecondEntry() {
        StubKeySource maf = new StubKeySource().add(REL, KC, "//sp/CAE3", 32, START.plus(Duration.ofHours(1)));
        MafKeyCache cache = new MafKeyCache(maf, new MutableClock(START));

        assertThat(cache.lookup(ID)).isPresent();
        assertThat(cache.lookup(new KeyIdentifier(REL.toLowerCase(), "MAF.Test.Example"))).isPresent();
        assertThat(maf.retrievals).hasValue(1);
    }

    @Test
    void theSizeBoundEvictsEntries() {
        MutableClock clock = new MutableClock(START);
        StubKeySource maf = new StubKeySource();
        List<KeyIdentifier> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String rel = "%032X".formatted(i);
            maf.add(rel, KC, "//sp/CAE" + i, 32, START.plus(Duration.ofHours(1)));
            ids.add(new KeyIdentifier(rel, "maf.test.example"));
        }
        MafKeyCache cache = new MafKeyCache(maf, clock, new MafKeyCache.Settings(10, Duration.ofSeconds(5)), Runnable::run);

        ids.forEach(id -> assertThat(cache.lookup(id)).isPresent());

        assertThat(cache.size()).isLessThanOrEqualTo(10);
        ids.forEach(cache::lookup);
        assertThat(maf.retrievals).as("evicted keys had to be retrieved again").hasValueGreaterThanOrEqualTo(50 + 40);
    }

    @Test
    void concurrentHandshakesForOneKeyCauseExactlyOneKeyRetrieval() throws Exception {
        int handshakes = 32;
        CountDownLatch release = new CountDownLatch(1);
        StubKeySource keys = new StubKeySource().add(REL, KC, "//sp/CAE3", 32, START.plus(Duration.ofHours(1)));
        KeySource slowMaf = id -> {
            try {
                release.await(30, TimeUnit.SECONDS); // the MAF answers only once every handshake is waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return keys.retrieve(id);
        };
        MafKeyCache cache = new MafKeyCache(slowMaf, new MutableClock(START));
        List<Optional<RetrievedKey>> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < handshakes; i++) {
            threads.add(Thread.ofPlatform().name("handshake-" + i).start(() -> results.add(cache.lookup(ID))));
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
            assertThat(System.nanoTime()).as("all handshakes waiting for the key").isLessThan(deadline);
            Thread.sleep(5);
        }
        release.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(results).hasSize(handshakes).allSatisfy(result -> assertThat(result).isPresent());
        assertThat(keys.retrievals).as("one load for %d concurrent lookups", handshakes).hasValue(1);
    }
}
