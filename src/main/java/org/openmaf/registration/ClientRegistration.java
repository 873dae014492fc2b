package org.openmaf.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.openmaf.keys.KeyRegistration;
import org.openmaf.onem2m.StringListColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A MAF Client Registration record (TS-0003 8.8.2.3): one client, one administrating stakeholder. */
@Entity
@Table(name = "client_registration")
public class ClientRegistration extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "admin_fqdn", nullable = false)
    public String adminFqdn;

    @Column(name = "labels")
    @Convert(converter = StringListColumn.class)
    public List<String> labels;

    @Column(name = "expiration_time", nullable = false)
    public Instant expirationTime;

    @Column(name = "creation_time", nullable = false)
    public Instant creationTime;

    @Column(name = "last_modified_time", nullable = false)
    public Instant lastModifiedTime;

    /**
     * Ends this registration (TS-0003 8.8.2.6, or an operator's revocation). The client ceases to use the MAF for this
     * stakeholder, so the keys it registered for the stakeholder stop being distributed too. Returns how many keys.
     */
    public long endWithItsKeys() {
        long keys = KeyRegistration.delete("sourceId = ?1 and adminFqdn = ?2", clientId, adminFqdn);
        delete();
        return keys;
    }

    /** Expired records behave as absent from the instant they expire, whether purged yet or not. */
    public static Optional<ClientRegistration> findValid(String id, Instant now) {
        return find("id = ?1 and expirationTime > ?2", id, now).firstResultOptional();
    }

    public static Optional<ClientRegistration> findValidFor(String clientId, String adminFqdn, Instant now) {
        return find("clientId = ?1 and adminFqdn = ?2 and expirationTime > ?3", clientId, adminFqdn, now).firstResultOptional();
    }
}
