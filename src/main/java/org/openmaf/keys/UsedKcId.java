package org.openmaf.keys;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The tombstone of a KcID an exporter-derived key used (contract section 7: a TLS connection's exporter yields one key,
 * ever). It outlives the key, so a key de-registered, revoked or ended with its source's registration cannot be
 * registered again on the connection that derived it: that connection would derive the same KcID and Kc.
 */
@Entity
@Table(name = "used_kcid")
public class UsedKcId extends PanacheEntityBase {

    @Id
    @Column(name = "relative_key_id")
    public String relativeKeyId;

    /** Until the key would have expired; the expiry purge deletes the row afterwards. */
    @Column(name = "kept_until", nullable = false)
    public Instant keptUntil;

    static UsedKcId of(String relativeKeyId, Instant until) {
        UsedKcId used = new UsedKcId();
        used.relativeKeyId = relativeKeyId;
        used.keptUntil = until;
        return used;
    }

    /** The key's lifetime grew (an update): its tombstone must last as long. */
    static void lastsUntilAtLeast(String relativeKeyId, Instant until) {
        update("keptUntil = ?1 where relativeKeyId = ?2 and keptUntil < ?1", until, relativeKeyId);
    }

    static long purgeExpired(Instant now) {
        return delete("keptUntil <= ?1", now);
    }
}
