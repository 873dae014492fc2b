package org.openmaf.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.openmaf.crypto.SealedKey;
import org.openmaf.onem2m.StringListColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A MAF Key Registration (TS-0003 8.8.2.7). The key value exists here only sealed ({@link SealedKey}). */
@Entity
@Table(name = "key_registration")
public class KeyRegistration extends PanacheEntityBase {

    public static final String ORIGIN_EXPORTER = "exporter";
    public static final String ORIGIN_CLIENT = "client";

    /** Uppercase hex of KcID (TS-0003 10.3.5); unique by primary key, whatever runs concurrently. */
    @Id
    @Column(name = "relative_key_id")
    public String relativeKeyId;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    @Column(name = "admin_fqdn", nullable = false)
    public String adminFqdn;

    @Column(name = "suid", nullable = false)
    public int suid;

    @Column(name = "target_ids", nullable = false)
    @Convert(converter = StringListColumn.class)
    public List<String> targetIds;

    @Column(name = "labels")
    @Convert(converter = StringListColumn.class)
    public List<String> labels;

    @Column(name = "expiration_time", nullable = false)
    public Instant expirationTime;

    @Column(name = "creation_time", nullable = false)
    public Instant creationTime;

    @Column(name = "last_modified_time", nullable = false)
    public Instant lastModifiedTime;

    @Column(name = "key_origin", nullable = false)
    public String keyOrigin;

    @Column(name = "kek_id", nullable = false)
    public String kekId;

    @Column(name = "key_nonce", nullable = false)
    public byte[] keyNonce;

    @Column(name = "key_ciphertext", nullable = false)
    public byte[] keyCiphertext;

    public SealedKey sealedKey() {
        return new SealedKey(kekId, keyNonce, keyCiphertext);
    }

    void seal(SealedKey sealed) {
        kekId = sealed.kekId();
        keyNonce = sealed.nonce();
        keyCiphertext = sealed.ciphertext();
    }

    /** Expired keys behave as absent from the instant they expire, whether purged yet or not. */
    public static Optional<KeyRegistration> findValid(String relativeKeyId, Instant now) {
        return find("relativeKeyId = ?1 and expirationTime > ?2", relativeKeyId, now).firstResultOptional();
    }

    @Override
    public String toString() {
        return "KeyRegistration[" + relativeKeyId + ", source=" + sourceId + "]";
    }
}
