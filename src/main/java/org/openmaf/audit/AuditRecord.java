package org.openmaf.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One audited event: who did what to which resource, and the RSC it ended with. Never key material. */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    public enum ActorKind {
        MAF_CLIENT, ADMIN, SYSTEM
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "request_id")
    public String requestId;

    /** The MAF client ID, the admin's token subject, or the system job. Null when the caller proved no identity. */
    @Column(name = "actor")
    public String actor;

    @Column(name = "actor_kind", nullable = false)
    @jakarta.persistence.Convert(converter = ActorKindColumn.class)
    public ActorKind actorKind;

    @Column(name = "procedure_name", nullable = false)
    public String procedure;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "rsc", nullable = false)
    public int rsc;

    @Column(name = "detail")
    public String detail;
}
