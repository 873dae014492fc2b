package org.openmaf.tls;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.openmaf.crypto.SealedKey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A pre-provisioned Master Credential (TS-0003 8.8.2.2, contract section 8): Km, named by KmID, authenticates
 * {@link #clientId} in a TLS-PSK handshake on the PSK listener. Km is stored sealed under the KEK only.
 */
@Entity
@Table(name = "psk_credential")
public class PskCredential extends PanacheEntityBase {

    /** Canonical KmID ({@link org.openmaf.wire.KmId#toString()}). */
    @Id
    @Column(name = "km_id")
    public String kmId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "expiration_time")
    public Instant expirationTime;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "kek_id", nullable = false)
    public String kekId;

    @Column(name = "km_nonce", nullable = false)
    public byte[] kmNonce;

    @Column(name = "km_ciphertext", nullable = false)
    public byte[] kmCiphertext;

    public SealedKey sealedKm() {
        return new SealedKey(kekId, kmNonce, kmCiphertext);
    }

    void seal(SealedKey sealed) {
        kekId = sealed.kekId();
        kmNonce = sealed.nonce();
        kmCiphertext = sealed.ciphertext();
    }

    public boolean isValidAt(Instant now) {
        return expirationTime == null || now.isBefore(expirationTime);
    }
}
