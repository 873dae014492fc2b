package org.openmaf.registration;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.openmaf.onem2m.StringListColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The MAF Client Configuration an operator attached for a client and stakeholder (TS-0003 8.8.3.2
 * sec:clientRegCfg and 8.8.3.3 sec:keyRegCfg), served by MAF Client Configuration Retrieval (8.8.2.4).
 */
@Entity
@Table(name = "client_configuration")
@IdClass(ClientConfiguration.Key.class)
public class ClientConfiguration extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Id
    @Column(name = "admin_fqdn")
    public String adminFqdn;

    @Column(name = "http_port")
    public Integer httpPort;

    @Column(name = "expiration_time")
    public Instant expirationTime;

    @Column(name = "labels")
    @Convert(converter = StringListColumn.class)
    public List<String> labels;

    @Column(name = "key_reg_suid")
    public Integer keyRegSuid;

    @Column(name = "key_reg_target_ids")
    @Convert(converter = StringListColumn.class)
    public List<String> keyRegTargetIds;

    @Column(name = "key_reg_expiration_time")
    public Instant keyRegExpirationTime;

    @Column(name = "key_reg_labels")
    @Convert(converter = StringListColumn.class)
    public List<String> keyRegLabels;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ClientConfiguration> findFor(String clientId, String adminFqdn) {
        return find("clientId = ?1 and adminFqdn = ?2", clientId, adminFqdn).firstResultOptional();
    }

    public static class Key implements Serializable {
        public String clientId;
        public String adminFqdn;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(clientId, key.clientId) && Objects.equals(adminFqdn, key.adminFqdn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, adminFqdn);
        }
    }
}
