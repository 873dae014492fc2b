package org.openmaf.tls;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An operator's statement that the certificate with this SHA-256 fingerprint no longer authenticates anyone, whatever
 * its validity and the CRLs say (contract section 7). {@link ClientIdentityResolver} reads it on every /maf request.
 */
@Entity
@Table(name = "blocked_certificate")
public class BlockedCertificate extends PanacheEntityBase {

    @Id
    @Column(name = "fingerprint_sha256")
    public String fingerprintSha256;

    @Column(name = "reason")
    public String reason;

    @Column(name = "blocked_at", nullable = false)
    public Instant blockedAt;

    @Column(name = "blocked_by")
    public String blockedBy;
}
