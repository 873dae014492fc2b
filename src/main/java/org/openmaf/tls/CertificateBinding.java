package org.openmaf.tls;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An operator's statement that the certificate with this SHA-256 fingerprint names this MAF client. */
@Entity
@Table(name = "certificate_binding")
public class CertificateBinding extends PanacheEntityBase {

    @Id
    @Column(name = "fingerprint_sha256")
    public String fingerprintSha256;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
