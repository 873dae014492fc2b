package org.openmaf.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
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

    /**
     * One key_target row per target, in the order given, so "keys targeting X" is an indexed query ({@link KeyChain})
     * rather than a text search. On the wire it is still the targetIDs list.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "key_target", joinColumns = @JoinColumn(name = "relative_key_id"))
    @OrderColumn(name = "target_index")
    @Column(name = "target_id", nullable = false)
    public List<String> targetIds = new ArrayList<>();

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

    void target(List<String> targets) {
        targetIds.clear();
        targetIds.addAll(targets);
    }

    @Override
    public String toString() {
        return "KeyRegistration[" + relativeKeyId + ", source=" + sourceId + "]";
    }
}
