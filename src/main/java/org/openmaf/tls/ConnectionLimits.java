package org.openmaf.tls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a peer may hold of the HTTPS endpoint (contract section 6): how long its request headers may take, and how many
 * connections without a client certificate may be open at once. Shared by all of the server's event loops; counts
 * what it closes in the metrics ({@code maf_connections_closed_total}, {@code maf_connections_unauthenticated}).
 */
final class ConnectionLimits {

    private final Duration headerTimeout;
    private final int maxUnauthenticated;
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private final Counter headerTimeouts;
    private final Counter unauthenticatedRefused;

    ConnectionLimits(Duration headerTimeout, int maxUnauthenticated, MeterRegistry metrics) {
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("maf.http.header-timeout must be positive");
        }
        if (maxUnauthenticated < 0) {
            throw new IllegalArgumentException("maf.tls.max-unauthenticated-connections must not be negative");
        }
        this.headerTimeout = headerTimeout;
        this.maxUnauthenticated = maxUnauthenticated;
        Gauge.builder("maf.connections.unauthenticated", unauthenticated, AtomicInteger::get)
                .description("Open HTTPS connections without a client certificate").register(metrics);
        this.headerTimeouts = closed(metrics, "header-timeout", "request headers did not arrive in time");
        this.unauthenticatedRefused = closed(metrics, "unauthenticated-limit",
                "too many connections without a client certificate were open");
    }

    private static Counter closed(MeterRegistry metrics, String reason, String description) {
        return Counter.builder("maf.connections.closed").tag("reason", reason)
                .description("HTTPS connections the MAF closed because " + description).register(metrics);
    }

    Duration headerTimeout() {
        return headerTimeout;
    }

    /** Takes one of the places for a connection without a client certificate; false when all are taken. */
    boolean admitUnauthenticated() {
        for (int open = unauthenticated.get(); open < maxUnauthenticated; open = unauthenticated.get()) {
            if (unauthenticated.compareAndSet(open, open + 1)) {
                return true;
            }
        }
        unauthenticatedRefused.increment();
        return false;
    }

    void unauthenticatedClosed() {
        unauthenticated.decrementAndGet();
    }

    void headerTimedOut() {
        headerTimeouts.increment();
    }
}
