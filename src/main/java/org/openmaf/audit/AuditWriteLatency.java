package org.openmaf.audit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code maf_audit_write_seconds{transaction}}: how long writing an audit record takes. {@code caller}: a
 * record handed to the caller's transaction (a procedure's success, an admin change), whose commit writes it with
 * the change it records; this is the time spent before that commit (the commit is in {@code maf_procedure_seconds}).
 * {@code group}: a key retrieval's or a refusal's record, from handing it to {@link AuditGroupCommit} until the batch
 * that holds it is committed (so including the wait for the batch).
 */
@ApplicationScoped
class AuditWriteLatency {

    static final String METRIC = "maf.audit.write";
    /** From 100 µs (an insert handed to a pending transaction) to seconds (a commit to a struggling database). */
    static final Duration[] BUCKETS = LongStream.of(100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000,
            100_000, 250_000, 1_000_000, 5_000_000).mapToObj(micros -> Duration.ofNanos(micros * 1_000))
            .toArray(Duration[]::new);

    private Timer inCaller;
    private Timer group;

    @Inject
    void register(MeterRegistry registry) {
        inCaller = timer(registry, "caller");
        group = timer(registry, "group");
    }

    private static Timer timer(MeterRegistry registry, String transaction) {
        return Timer.builder(METRIC).tag("transaction", transaction).description("Time to write an audit record")
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    void inCallersTransaction(Runnable write) {
        time(inCaller, write);
    }

    void groupCommit(Runnable write) {
        time(group, write);
    }

    private static void time(Timer timer, Runnable write) {
        long start = System.nanoTime();
        try {
            write.run();
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
