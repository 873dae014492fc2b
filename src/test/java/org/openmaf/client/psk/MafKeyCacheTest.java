package org.openmaf.client.psk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openmaf.wire.KeyIdentifier;

class MafKeyCacheTest {

    private static final String REL = "00112233445566778899AABBCCDDEEFF";
    private static final KeyIdentifier ID = new KeyIdentifier(REL, "maf.test.example");
    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void aKeyIsFetchedOnceAndServedFromCacheUntilItsExpirationTimeNotBeyond() {
        MutableClock clock = new MutableClock(START);
        StubKeySource maf = new StubKeySource().add(REL, new byte[32], "//sp/CAE3", 32, START.plus(Duration.ofHours(1)));
        MafKeyCache cache = new MafKeyCache(maf, clock);

        assertThat(cache.lookup(ID)).isPresent();
        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(cache.lookup(ID)).get().extracting(key -> key.sourceId()).isEqualTo("//sp/CAE3");
        assertThat(maf.retrievals).hasValue(1);

        clock.advance(Duration.ofSeconds(1)); // exactly expirationTime: the Kc Lifetime is over
        assertThat(cache.lookup(ID)).isEmpty();
        assertThat(maf.retrievals).as("asked the MAF again in case the key was extended").hasValue(2);
    }

    @Test
    void anExtendedKeyIsPickedUpAfterTheCachedLifetimeEnds() {
        MutableClock clock = new MutableClock(START);
        StubKeySource maf = new StubKeySource().add(REL, new byte[32], "//sp/CAE3", 32, START.plus(Duration.ofHours(1)));
        MafKeyCache cache = new MafKeyCache(maf, clock);
        cache.lookup(ID);

        maf.add(REL, new byte[32], "//sp/CAE3", 32, START.plus(Duration.ofHours(3)));
        clock.advance(Duration.ofHours(2));

        assertThat(cache.lookup(ID)).get().extracting(key -> key.expirationTime()).isEqualTo(START.plus(Duration.ofHours(3)));
    }

    @Test
    void unknownKeysAreRefusedAndNotCached() {
        StubKeySource maf = new StubKeySource();
        MafKeyCache cache = new MafKeyCache(maf, new MutableClock(START));

        assertThat(cache.lookup(ID)).isEmpty();
        assertThat(cache.lookup(ID)).isEmpty();
        assertThat(maf.retrievals).hasValue(2);
    }
}
