package org.openmaf.tls;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openmaf.crypto.KeyEncryption;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes and reads the pre-provisioned Master Credentials (contract section 8). The PSK listener asks
 * {@link #kmFor} on every handshake, straight from the database: no cache, so a deletion or an expiry is in force at
 * the next handshake on every instance that shares the database.
 */
@ApplicationScoped
public class PskCredentials {

    /** Km found for a KmID: whom it authenticates, and Km itself, which the caller wipes after the handshake. */
    public record Found(String kmId, String clientId, byte[] km) {
        @Override
        public String toString() {
            return "Found[kmId=" + kmId + ", clientId=" + clientId + "]";
        }
    }

    @Inject
    InstantSource clock;

    @Inject
    KeyEncryption encryption;

    @Transactional(Transactional.TxType.MANDATORY)
    public PskCredential provision(String kmId, String clientId, byte[] km, Instant expirationTime, String createdBy) {
        PskCredential credential = new PskCredential();
        credential.kmId = kmId;
        credential.clientId = clientId;
        credential.expirationTime = expirationTime;
        credential.createdAt = clock.instant();
        credential.createdBy = createdBy;
        credential.seal(encryption.seal(km, kmId));
        credential.persist();
        return credential;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(PskCredential credential) {
        credential.delete();
    }

    /** Km of a KmID that exists and has not expired; empty for anything else (the handshake then fails). */
    public Optional<Found> kmFor(String kmId) {
        return QuarkusTransaction.requiringNew().call(() -> PskCredential.<PskCredential>findByIdOptional(kmId)
                .filter(credential -> credential.isValidAt(clock.instant()))
                .map(credential -> new Found(credential.kmId, credential.clientId,
                        encryption.open(credential.sealedKm(), credential.kmId))));
    }

    /** What {@link #rewrapAll} did: Km re-sealed under the current KEK, and Km no configured KEK opens. */
    public record Rewrapped(long rewrapped, long unreadable) {
    }

    /**
     * Re-seals every Km under the current KEK (the KEK rotation of contract section 5 covers Master Credentials too),
     * in one transaction: there are as many rows as provisioned devices, not as keys.
     */
    public Rewrapped rewrapAll() {
        String current = encryption.currentKekId();
        return QuarkusTransaction.requiringNew().call(() -> {
            long rewrapped = 0;
            long unreadable = 0;
            for (PskCredential credential : PskCredential.<PskCredential>list("kekId <> ?1", current)) {
                byte[] km;
                try {
                    km = encryption.open(credential.sealedKm(), credential.kmId);
                } catch (IllegalStateException noKekOpensIt) {
                    unreadable++;
                    continue;
                }
                credential.seal(encryption.seal(km, credential.kmId));
                java.util.Arrays.fill(km, (byte) 0);
                rewrapped++;
            }
            return new Rewrapped(rewrapped, unreadable);
        });
    }

    /** Whether a Master Credential names this client ID: then only the PSK listener authenticates it. */
    public boolean isPskClient(String clientId) {
        return PskCredential.count("clientId", clientId) > 0;
    }
}
