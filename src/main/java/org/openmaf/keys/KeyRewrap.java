package org.openmaf.keys;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.openmaf.crypto.KekCanary;
import org.openmaf.crypto.KeyEncryption;
import org.openmaf.tls.PskCredentials;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Re-seals every stored key value under the current KEK, so a previous KEK can be removed from
 * {@code maf.crypto.previous-keks}. Batches of {@link #BATCH} keys, each in a transaction of its own with its rows
 * locked, so a large table is never one long transaction and registrations and retrievals go on meanwhile. A key no
 * configured KEK opens (a tampered row) stays as it is and is counted; the KEK canary follows the keys to the current
 * KEK only when every key did.
 */
@ApplicationScoped
public class KeyRewrap {

    private static final Logger LOG = Logger.getLogger(KeyRewrap.class);
    static final int BATCH = 200;

    /** What a rewrap did: keys re-sealed, keys that were under the current KEK already, keys left unreadable. */
    public record Result(String currentKekId, long rewrapped, long alreadyCurrent, long unreadable) {
    }

    @Inject
    KeyEncryption encryption;

    @Inject
    KekCanary canary;

    @Inject
    PskCredentials pskCredentials;

    public Result rewrapAll() {
        String current = encryption.currentKekId();
        long rewrapped = 0;
        long unreadable = 0;
        String after = "";
        while (true) {
            String from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> rewrapBatchAfter(current, from));
            rewrapped += batch.rewrapped();
            unreadable += batch.unreadable();
            if (batch.last() == null) {
                break;
            }
            after = batch.last();
        }
        PskCredentials.Rewrapped masterCredentials = pskCredentials.rewrapAll();
        unreadable += masterCredentials.unreadable();
        if (masterCredentials.rewrapped() + masterCredentials.unreadable() > 0) {
            LOG.infof("KEK rewrap: %d PSK Master Credentials re-sealed under KEK '%s', %d no configured KEK opens",
                    masterCredentials.rewrapped(), current, masterCredentials.unreadable());
        }
        long alreadyCurrent = QuarkusTransaction.requiringNew().call(() -> KeyRegistration.count("kekId", current))
                - rewrapped;
        if (unreadable == 0) {
            canary.reseal();
        }
        LOG.infof("KEK rewrap: %d keys re-sealed under KEK '%s', %d were already, %d no configured KEK opens%s", rewrapped,
                current, alreadyCurrent, unreadable, unreadable == 0 ? "; the KEK canary is sealed under it too" : "");
        return new Result(current, rewrapped, Math.max(alreadyCurrent, 0), unreadable);
    }

    private record Batch(long rewrapped, long unreadable, String last) {
    }

    /** One batch, in key order after {@code after} (keyset paging: a key left unreadable is not visited twice). */
    private Batch rewrapBatchAfter(String current, String after) {
        List<KeyRegistration> keys = KeyRegistration.<KeyRegistration>find("kekId <> :current and relativeKeyId > :after",
                Sort.by("relativeKeyId"), Parameters.with("current", current).and("after", after))
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, BATCH).list();
        long rewrapped = 0;
        long unreadable = 0;
        for (KeyRegistration key : keys) {
            byte[] value;
            try {
                value = encryption.open(key.sealedKey(), key.relativeKeyId);
            } catch (IllegalStateException noKekOpensIt) {
                LOG.warnf("KEK rewrap: %s", noKekOpensIt.getMessage());
                unreadable++;
                continue;
            }
            key.seal(encryption.seal(value, key.relativeKeyId));
            Arrays.fill(value, (byte) 0);
            rewrapped++;
        }
        return new Batch(rewrapped, unreadable, keys.size() < BATCH ? null : keys.getLast().relativeKeyId);
    }
}
