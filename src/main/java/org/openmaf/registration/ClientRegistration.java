package org.openmaf.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.openmaf.onem2m.StringListColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A MAF Client Registration record (TS-0003 8.8.2.3): one client, one administrating stakeholder. It lives only as long
 * as its stakeholder, and the keys its client registered for that stakeholder only as long as it: the schema cascades
 * both (V2__ownership_and_key_targets.sql), whichever path deletes the row.
 */
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

    /** Expired records behave as absent from the instant they expire, whether purged yet or not. */
    public static Optional<ClientRegistration> findValid(String id, Instant now) {
        return find("id = ?1 and expirationTime > ?2", id, now).firstResultOptional();
    }

    public static Optional<ClientRegistration> findValidFor(String clientId, String adminFqdn, Instant now) {
        return find("clientId = ?1 and adminFqdn = ?2 and expirationTime > ?3", clientId, adminFqdn, now).firstResultOptional();
    }
}
