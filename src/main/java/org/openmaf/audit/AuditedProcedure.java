package org.openmaf.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a service method as running one MAF procedure, so its outcome is audited whoever calls it (the HTTP binding,
 * a test, a future CoAP binding). A refusal ({@code MafException}) is recorded, committed with the records of
 * concurrent requests ({@link AuditGroupCommit}), once the procedure's transaction has rolled back; the method
 * records its success itself, inside its transaction, with {@link ProcedureAudit#succeeded(String)}. The client is the parameter marked {@link Actor}; the resource a refusal
 * names is the parameter marked {@link Addressed}, if any.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface AuditedProcedure {

    @Nonbinding
    Procedure value();

    /** The authenticated MAF client ID running the procedure. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Actor {
    }

    /** The ID of the resource the procedure was asked to act on, as the client sent it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Addressed {
    }
}
