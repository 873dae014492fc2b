package org.openmaf.client.psk;

import java.io.IOException;

import org.openmaf.wire.KeyIdentifier;
import org.openmaf.client.MafClient;
import org.openmaf.client.RetrievedKey;

/**
 * Where a relying CSE gets Kc for a Key Identifier: the MAF Key Retrieval procedure (TS-0003 8.8.2.8), performed as the
 * Target MAF Client. An interface so the PSK server can be tested without a MAF.
 */
@FunctionalInterface
public interface KeySource {

    /** The key, or an exception (e.g. {@link org.openmaf.client.MafClientException} with RSC 4004 or 4103). */
    RetrievedKey retrieve(KeyIdentifier keyIdentifier) throws IOException;

    /** Retrieves from the MAF, naming the key by its full Key Identifier. */
    static KeySource fromMaf(MafClient client) {
        return keyIdentifier -> client.retrieveKey(keyIdentifier.toString());
    }
}
