package org.openmaf.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.openmaf.onem2m.PlainStatements;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One audited event: who did what to which resource, and the RSC it ended with. Never key material. */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    private static final ActorKindColumn ACTOR_KINDS = new ActorKindColumn();

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

    /**
     * Binds this record's columns (occurred_at, request_id, actor, actor_kind, procedure_name, resource_id, rsc,
     * detail, in that order) from parameter {@code first} on, for the statements that write audit rows as plain JDBC
     * ({@link AuditGroupCommit}, the key registration's one statement); returns the parameter after the last.
     */
    public int bindColumns(PreparedStatement statement, int first) throws SQLException {
        int parameter = first;
        PlainStatements.setInstant(statement, parameter++, occurredAt);
        PlainStatements.setText(statement, parameter++, requestId);
        PlainStatements.setText(statement, parameter++, actor);
        PlainStatements.setText(statement, parameter++, ACTOR_KINDS.convertToDatabaseColumn(actorKind));
        PlainStatements.setText(statement, parameter++, procedure);
        PlainStatements.setText(statement, parameter++, resourceId);
        statement.setInt(parameter++, rsc);
        PlainStatements.setText(statement, parameter++, detail);
        return parameter;
    }
}
