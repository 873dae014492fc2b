package org.openmaf.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import org.openmaf.onem2m.Rsc;
import java.time.InstantSource;
import org.openmaf.tls.HandshakeRefusal;

/**
 * Contract section 6: refusals of peers that have not authenticated add at most one audit row per source address per
 * minute, so that anyone who can reach the port cannot grow the database (they are all counted in metrics). A flood
 * from many addresses is bounded as well: at most {@value #MAX_ROWS_PER_MINUTE} such rows a minute in all.
 * <p>
 * Kept in memory, per instance: each of N instances behind a load balancer may record one row per address and minute.
 */
@ApplicationScoped
public class UnauthenticatedPeers {

    /** The procedure name of handshake refusals in the audit trail. */
    public static final String HANDSHAKE = "MAF_HANDSHAKE";
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ROWS_PER_MINUTE = 600;
    /** Addresses remembered at most; beyond it, old entries are dropped (they are older than a minute anyway). */
    static final int MAX_ADDRESSES = 10_000;

    @Inject
    InstantSource clock;

    @Inject
    AuditTrail trail;

    private final ConcurrentHashMap<String, Instant> lastRecorded = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> windowStart = new AtomicReference<>(Instant.EPOCH);
    private final AtomicInteger rowsInWindow = new AtomicInteger();

    /** Whether a refusal of this source address may be recorded now; if so, the next one may be a minute from now. */
    public boolean mayRecord(String sourceAddress) {
        Instant now = clock.instant();
        String address = sourceAddress == null ? "unknown" : sourceAddress;
        boolean[] admitted = {false};
        lastRecorded.compute(address, (key, last) -> {
            if (last != null && now.isBefore(last.plus(WINDOW)) && !now.isBefore(last)) {
                return last;
            }
            admitted[0] = true;
            return now;
        });
        if (!admitted[0]) {
            return false;
        }
        if (lastRecorded.size() > MAX_ADDRESSES) {
            lastRecorded.values().removeIf(last -> !now.isBefore(last.plus(WINDOW)));
        }
        return withinGlobalBudget(now);
    }

    /** MAF Handshake (TS-0003 8.8.2.2) refused for the client's certificate: recorded once a minute per address. */
    void handshakeRefused(@ObservesAsync HandshakeRefusal refusal) {
        if (mayRecord(refusal.sourceAddress())) {
            trail.recordDurably(new AuditEntry(null, null, AuditRecord.ActorKind.MAF_CLIENT, HANDSHAKE, null,
                    Rsc.ORIGINATOR_NOT_AUTHENTICATED.code(), "[from " + refusal.sourceAddress()
                            + "; further refusals of this address within a minute are only counted] " + refusal.reason()));
        }
    }

    private boolean withinGlobalBudget(Instant now) {
        Instant start = windowStart.get();
        if (!now.isBefore(start.plus(WINDOW)) || now.isBefore(start)) {
            if (windowStart.compareAndSet(start, now)) {
                rowsInWindow.set(0);
            }
        }
        return rowsInWindow.incrementAndGet() <= MAX_ROWS_PER_MINUTE;
    }
}
