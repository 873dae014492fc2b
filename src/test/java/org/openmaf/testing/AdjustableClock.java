package org.openmaf.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.InstantSource;

/** The MAF's clock in tests: real time plus an offset, so expiry is proven by moving time, not by sleeping. */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock implements InstantSource {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
