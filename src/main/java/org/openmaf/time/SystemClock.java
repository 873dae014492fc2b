package org.openmaf.time;

import java.time.Instant;
import java.time.InstantSource;

import jakarta.inject.Singleton;

/**
 * The one clock the MAF reads, injected as {@link InstantSource} so tests prove expiry by moving time (an alternative
 * bean) rather than sleeping.
 */
@Singleton
public class SystemClock implements InstantSource {

    @Override
    public Instant instant() {
        return Instant.now();
    }
}
