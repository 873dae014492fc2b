package org.openmaf.metrics;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.openmaf.audit.Procedure;
import org.openmaf.onem2m.Rsc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of {@link ProcedureMetrics}, one set for the process. Each procedure's timer and its success counter
 * exist from start-up at zero: Prometheus's {@code rate()} and {@code increase()} miss the first increment of a series
 * that appears with it. A refusal's counter appears with the first refusal of its RSC (the RSCs a procedure can refuse
 * with are many; a series each from the start would mostly stay empty).
 */
@Singleton
@io.quarkus.runtime.Startup
class ProcedureMeters {

    static final String PROCEDURES = "maf.procedures";
    static final String LATENCY = "maf.procedure";
    /** Procedure latencies lie between a millisecond (a cached read) and seconds (a database in trouble). */
    static final Duration[] BUCKETS = millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000);

    @Inject
    MeterRegistry registry;

    private final Timer[] latency = new Timer[Procedure.values().length];
    private final Counter[][] outcomes = new Counter[Procedure.values().length][Rsc.values().length];

    @PostConstruct
    void registerProcedures() {
        for (Procedure procedure : Procedure.values()) {
            if (procedure != Procedure.OTHER_MAF_REQUEST) { // never runs as a procedure
                latency[procedure.ordinal()] = Timer.builder(LATENCY).tag("procedure", procedure.name())
                        .description("Time a MAF procedure took, refusals included").serviceLevelObjectives(BUCKETS)
                        .register(registry);
                outcome(procedure, procedure.success());
            }
        }
    }

    Timer latency(Procedure procedure) {
        return latency[procedure.ordinal()];
    }

    /** Races only register the same counter twice: the registry answers the one it holds. */
    Counter outcome(Procedure procedure, Rsc rsc) {
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
