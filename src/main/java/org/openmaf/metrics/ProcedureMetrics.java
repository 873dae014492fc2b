package org.openmaf.metrics;

import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;
import org.openmaf.audit.AuditedProcedure;
import org.openmaf.audit.Procedure;
import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;

/**
 * Counts and times every MAF procedure (TS-0003 8.8.2.3 to 8.8.2.10) whoever runs it, from the same
 * {@link AuditedProcedure} marker the audit uses: {@code maf_procedures_total{procedure,rsc}} and
 * {@code maf_procedure_seconds{procedure}} (a histogram with fixed buckets from 1 ms to 10 s, where a procedure's
 * latency lies). Its priority puts it outside the audit interceptor, so a refusal's time includes writing its record.
 * <p>
 * Cheap on purpose (it wraps the key retrieval hot path): the meters are found by array index in
 * {@link ProcedureMeters}; nothing is allocated per call. One DEBUG line per procedure
 * ({@code quarkus.log.category."org.openmaf.metrics".level=DEBUG}) names its outcome; the request's {@code X-M2M-RI}
 * and client ID come with it from the MDC ({@link org.openmaf.tls.RequestLogContext}).
 */
@AuditedProcedure(Procedure.OTHER_MAF_REQUEST) // the value is @Nonbinding: this interceptor serves every procedure
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 90)
class ProcedureMetrics {

    private static final Logger LOG = Logger.getLogger(ProcedureMetrics.class);

    @Inject
    ProcedureMeters meters;

    @AroundInvoke
    Object run(InvocationContext context) throws Exception {
        Procedure procedure = context.getInterceptorBinding(AuditedProcedure.class).value();
        long start = System.nanoTime();
        Rsc rsc = Rsc.INTERNAL_SERVER_ERROR; // whatever else escapes is answered 5000 (OneM2mErrorMapper, ServerFault)
        try {
            Object result = context.proceed();
            rsc = procedure.success();
            return result;
        } catch (MafException refusal) {
            rsc = refusal.rsc();
            throw refusal;
        } finally {
            long nanos = System.nanoTime() - start;
            meters.latency(procedure).record(nanos, TimeUnit.NANOSECONDS);
            meters.outcome(procedure, rsc).increment();
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Procedure %s answered %d in %.1f ms", procedure, rsc.code(), nanos / 1e6);
            }
        }
    }
}
