package org.openmaf.time;

import java.time.Instant;

import jakarta.inject.Singleton;

@Singleton
public class SystemMafClock implements MafClock {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
