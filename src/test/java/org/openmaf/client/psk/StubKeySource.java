package org.openmaf.client.psk;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.openmaf.wire.KeyIdentifier;
import org.openmaf.client.MafClientException;
import org.openmaf.client.RetrievedKey;

/** A MAF stand-in for Key Retrieval: RelativeKeyID -> key; counts how often it was asked. */
final class StubKeySource implements KeySource {

    private final Map<String, RetrievedKey> keys = new ConcurrentHashMap<>();
    final AtomicInteger retrievals = new AtomicInteger();

    StubKeySource add(String relativeKeyId, byte[] key, String sourceId, int suid, Instant expiration) {
        keys.put(relativeKeyId.toUpperCase(), new RetrievedKey(key, sourceId, suid, "my.m2mprovider.org",
                List.of("//my.m2mprovider.org/in-cse"), expiration, List.of()));
        return this;
    }

    @Override
    public RetrievedKey retrieve(KeyIdentifier keyIdentifier) throws IOException {
        retrievals.incrementAndGet();
        RetrievedKey key = keys.get(keyIdentifier.relativeKeyId());
        if (key == null) {
            throw new MafClientException(404, 4004, "no such key");
        }
        return key;
    }
}
