package org.openmaf.client.psk;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openmaf.wire.KeyIdentifier;
import org.openmaf.client.RetrievedKey;

/**
 * Keys retrieved from the MAF, kept until their expirationTime and never beyond: TS-0003 8.2.2.3 sets the Kc Lifetime
 * to the expirationTime the MAF returned, and assigning it is the MAF's responsibility (NOTE 4). Caching spares the MAF
 * one Key Retrieval per PSK handshake. An expired entry is fetched again, because the source may have extended the key
 * (MAF Key Registration Update, 8.8.2.9); the MAF answers 404 once it is really gone. Failures are not cached.
 */
public final class MafKeyCache {

    private static final Logger LOG = Logger.getLogger(MafKeyCache.class.getName());
    /** Above this many entries, expired ones are swept on insertion. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final KeySource source;
    private final Clock clock;
    private final Map<String, RetrievedKey> keys = new ConcurrentHashMap<>();

    public MafKeyCache(KeySource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** A key valid now, from the cache or the MAF; empty if the MAF refused it or it has expired. */
    public Optional<RetrievedKey> lookup(KeyIdentifier identifier) {
        Instant now = clock.instant();
        RetrievedKey cached = keys.get(identifier.relativeKeyId());
        if (cached != null) {
            if (isValid(cached, now)) {
                return Optional.of(cached);
            }
            keys.remove(identifier.relativeKeyId(), cached);
        }
        RetrievedKey fetched;
        try {
            fetched = source.retrieve(identifier);
        } catch (IOException e) {
            LOG.log(Level.INFO, "MAF Key Retrieval for {0} failed: {1}", new Object[] {identifier, e.getMessage()});
            return Optional.empty();
        }
        if (fetched == null || !isValid(fetched, clock.instant())) {
            LOG.log(Level.INFO, "key {0} from the MAF has no lifetime left", identifier);
            return Optional.empty();
        }
        if (keys.size() >= SWEEP_THRESHOLD) {
            Instant sweepTime = clock.instant();
            keys.values().removeIf(key -> !isValid(key, sweepTime));
        }
        keys.put(identifier.relativeKeyId(), fetched);
        return Optional.of(fetched);
    }

    /** A key without an expirationTime has no Kc Lifetime (TS-0003 8.2.2.3) and is not used. */
    private static boolean isValid(RetrievedKey key, Instant now) {
        return key.expirationTime() != null && now.isBefore(key.expirationTime());
    }
}
