package org.openmaf.time;

import java.time.Instant;

/** The one clock the MAF reads. Injectable, so tests prove expiry by moving time rather than sleeping. */
public interface MafClock {

    Instant now();
}
