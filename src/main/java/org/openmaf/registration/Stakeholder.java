package org.openmaf.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.openmaf.onem2m.StringListColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An administrating stakeholder (TS-0003 8.8.1): authorizes which MAF clients may register for it, and caps the
 * lifetimes of their registrations and keys ("the MAF may assign different values ... based on instruction from the
 * administrating stakeholder").
 */
@Entity
@Table(name = "stakeholder")
public class Stakeholder extends PanacheEntityBase {

    public static final String MANAGED_BY_CONFIG = "config";
    public static final String MANAGED_BY_ADMIN = "admin";

    @Id
    @Column(name = "admin_fqdn")
    public String adminFqdn;

    /** Client ID patterns: exact, or a prefix ending in '*' ({@link ClientPattern}). */
    @Column(name = "authorized_clients", nullable = false)
    @Convert(converter = StringListColumn.class)
    public List<String> authorizedClients;

    @Column(name = "max_registration_lifetime_seconds", nullable = false)
    public long maxRegistrationLifetimeSeconds;

    @Column(name = "max_key_lifetime_seconds", nullable = false)
    public long maxKeyLifetimeSeconds;

    /** At most this many valid keys per source client (contract section 7, {@code max-keys-per-client}). */
    @Column(name = "max_keys_per_client", nullable = false)
    public int maxKeysPerClient;

    @Column(name = "managed_by", nullable = false)
    public String managedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * A detached copy of the columns a key procedure reads in a statement of its own (the key chain, the source's
     * standing): never persisted, and holding only what those procedures use.
     */
    public static Stakeholder detached(String adminFqdn, List<String> authorizedClients, long maxKeyLifetimeSeconds,
            int maxKeysPerClient) {
        Stakeholder copy = new Stakeholder();
        copy.adminFqdn = adminFqdn;
        copy.authorizedClients = authorizedClients;
        copy.maxKeyLifetimeSeconds = maxKeyLifetimeSeconds;
        copy.maxKeysPerClient = maxKeysPerClient;
        return copy;
    }

    /** Whether a pattern matches the (canonical) client ID now: checked at every key operation (contract section 7). */
    public boolean authorizes(String clientId) {
        return authorizedClients.stream().anyMatch(pattern -> ClientPattern.matches(pattern, clientId));
    }

    public Duration maxRegistrationLifetime() {
        return Duration.ofSeconds(maxRegistrationLifetimeSeconds);
    }

    public Duration maxKeyLifetime() {
        return Duration.ofSeconds(maxKeyLifetimeSeconds);
    }
}
