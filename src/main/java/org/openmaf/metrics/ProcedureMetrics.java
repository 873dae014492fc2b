package org.openmaf.metrics;

import java.time.Duration;
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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts and times every MAF procedure (TS-0003 8.8.2.3 to 8.8.2.10) whoever runs it, from the same
 * {@link AuditedProcedure} marker the audit uses: {@code maf_procedures_total{procedure,rsc}} and
 * {@code maf_procedure_seconds{procedure}} (a histogram with fixed buckets from 1 ms to 10 s, where a procedure's
 * latency lies). Its priority puts it outside the audit interceptor, so a refusal's time includes writing its record.
 * <p>
 * Cheap on purpose (it wraps the key retrieval hot path): each meter is created once, at the first run of a procedure
 * or its first answer with an RSC, and found by array index afterwards; nothing is allocated per call. One DEBUG line
 * per procedure ({@code quarkus.log.category."org.openmaf.metrics".level=DEBUG}) names its outcome; the request's
 * {@code X-M2M-RI} and client ID come with it from the MDC ({@link org.openmaf.tls.RequestLogContext}).
 */
@AuditedProcedure(Procedure.OTHER_MAF_REQUEST) // the value is @Nonbinding: this interceptor serves every procedure
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 90)
class ProcedureMetrics {

    private static final Logger LOG = Logger.getLogger(ProcedureMetrics.class);

    static final String PROCEDURES = "maf.procedures";
    static final String LATENCY = "maf.procedure";
    /** Procedure latencies lie between a millisecond (a cached read) and seconds (a database in trouble). */
    static final Duration[] BUCKETS = millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000);

    @Inject
    MeterRegistry registry;

    private final Timer[] latency = new Timer[Procedure.values().length];
    private final Counter[][] outcomes = new Counter[Procedure.values().length][Rsc.values().length];

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
            latency(procedure).record(nanos, TimeUnit.NANOSECONDS);
            outcome(procedure, rsc).increment();
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Procedure %s answered %d in %.1f ms", procedure, rsc.code(), nanos / 1e6);
            }
        }
    }

    /** Races only register the same meter twice: the registry answers the one it holds. */
    private Timer latency(Procedure procedure) {
        Timer timer = latency[procedure.ordinal()];
        if (timer == null) {
            timer = Timer.builder(LATENCY).tag("procedure", procedure.name())
                    .description("Time a MAF procedure took, refusals included").serviceLevelObjectives(BUCKETS)
                    .register(registry);
            latency[procedure.ordinal()] = timer;
        }
        return timer;
    }

    private Counter outcome(Procedure procedure, Rsc rsc) {
        Counter counter = outcomes[procedure.ordinal()][rsc.ordinal()];
        if (counter == null) {
            counter = Counter.builder(PROCEDURES).tag("procedure", procedure.name()).tag("rsc", String.valueOf(rsc.code()))
                    .description("MAF procedures run, by procedure and the RSC answered").register(registry);
            outcomes[procedure.ordinal()][rsc.ordinal()] = counter;
        }
        return counter;
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }
}
