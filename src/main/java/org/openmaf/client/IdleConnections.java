package org.openmaf.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections a client keeps open between its reads (GET: MAF Key Retrieval, TS-0003 8.8.2.8, and the other
 * retrievals), so that a relying CSE pays one mutual-TLS handshake per connection instead of one per key it resolves.
 * <p>
 * Keeping them weakens nothing: the MAF checks the client's certificate standing and the key's whole authorization
 * chain on every request, not once per connection (a certificate revoked while its connection is open is refused on
 * that connection's next request), and a read derives nothing from its connection. A key registration never takes one:
 * its Kc is the exporter of its own new connection.
 */
final class IdleConnections implements AutoCloseable {

    /** Enough for the concurrent retrievals of a relying CSE's handshakes; more are opened, then closed when done. */
    static final int MAX_IDLE = 8;
    /**
     * A connection idle for longer is closed rather than reused: well under the MAF's own idle timeout
     * ({@code quarkus.http.idle-timeout}, 60 s by default), so the MAF rarely closes one just as it is taken.
     */
    static final Duration MAX_IDLE_TIME = Duration.ofSeconds(20);

    private record Idle(MafConnection connection, long sinceNanos) {
    }

    private static final long MAX_IDLE_NANOS = MAX_IDLE_TIME.toNanos();

    private final ArrayDeque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    /** The most recently used connection that has not idled too long, or null; older ones are closed. */
    MafConnection take() {
        List<MafConnection> stale = new ArrayList<>();
        MafConnection fresh = null;
        synchronized (this) {
            long now = System.nanoTime();
            while (fresh == null && !idle.isEmpty()) {
                Idle newest = idle.pollLast();
                if (now - newest.sinceNanos() < MAX_IDLE_NANOS) {
                    fresh = newest.connection();
                } else {
                    stale.add(newest.connection());
                }
            }
        }
        stale.forEach(IdleConnections::closeQuietly);
        return fresh;
    }

    /** Keeps a connection whose last response left it open; closes it if enough are kept, or after {@link #close()}. */
    void give(MafConnection connection) {
        synchronized (this) {
            if (!closed && connection.reusable() && idle.size() < MAX_IDLE) {
                idle.addLast(new Idle(connection, System.nanoTime()));
                return;
            }
        }
        closeQuietly(connection);
    }

    @Override
    public void close() {
        List<MafConnection> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.forEach(kept -> all.add(kept.connection()));
            idle.clear();
        }
        all.forEach(IdleConnections::closeQuietly);
    }

    static void closeQuietly(MafConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // the connection is gone either way; nothing was pending on it
        }
    }
}
