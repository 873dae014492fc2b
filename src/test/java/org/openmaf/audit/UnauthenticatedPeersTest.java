package org.openmaf.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdjustableClock;

/** Contract section 6: one audit row per source address per minute, and a bound on all such rows a minute. */
class UnauthenticatedPeersTest {

    private final AdjustableClock clock = new AdjustableClock();
    private final UnauthenticatedPeers peers = new UnauthenticatedPeers();

    UnauthenticatedPeersTest() {
        peers.clock = clock;
    }

    @Test
    void anAddressIsRecordedOnceAMinute() {
        assertThat(peers.mayRecord("192.0.2.1")).isTrue();
        assertThat(peers.mayRecord("192.0.2.1")).isFalse();
        assertThat(peers.mayRecord("192.0.2.2")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(peers.mayRecord("192.0.2.1")).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(peers.mayRecord("192.0.2.1")).isTrue();
        assertThat(peers.mayRecord("192.0.2.1")).isFalse();
    }

    @Test
    void manyAddressesAreRecordedUpToTheBudgetAMinute() {
        int recorded = 0;
        for (int i = 0; i < 2 * UnauthenticatedPeers.MAX_ROWS_PER_MINUTE; i++) {
            recorded += peers.mayRecord("2001:db8::" + Integer.toHexString(i)) ? 1 : 0;
        }
        assertThat(recorded).isEqualTo(UnauthenticatedPeers.MAX_ROWS_PER_MINUTE);
        clock.advance(Duration.ofSeconds(61));
        assertThat(peers.mayRecord("2001:db8::ffff")).isTrue();
    }

    @Test
    void aClockSetBackDoesNotSilenceAnAddress() {
        clock.advance(Duration.ofDays(3));
        assertThat(peers.mayRecord("192.0.2.9")).isTrue();
        clock.reset();
        assertThat(peers.mayRecord("192.0.2.9")).isTrue();
    }
}
