package org.openmaf.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.openmaf.onem2m.Rsc;
import org.openmaf.wire.MafNames;

import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * How a TLS-PSK connection reaches the one implementation of the MAF procedures (contract section 8: "the same /maf
 * resources, rules and answers"). {@link PskListener} terminates TLS-PSK and forwards the decrypted HTTP/1.1 bytes over
 * a loopback TCP connection to an internal HTTP server, served by the same Quarkus router (and so the same filters,
 * resources, limits and error mapping) as the certificate listener.
 * <p>
 * Why the identity and the exporter cannot be forged: they never travel on any wire. Before it sends a byte, the bridge
 * records its own end of the loopback connection (127.0.0.1 and its port) in this in-memory table with the
 * {@link PskSession}; a request is a PSK request only when it arrived without TLS on this internal server AND its
 * remote address is in the table. The kernel gives one loopback 4-tuple to one socket at a time, so no other process
 * can send from the bridge's address to this server while the bridge's socket holds it. A request on the internal
 * server from any address not in the table gets 403 / 4106 and its connection is closed; a request on the certificate
 * listener has a TLS session and is never looked up here, whatever headers it sends.
 */
@Singleton
public class PskBridge {

    private final Map<InetSocketAddress, PskSession> sessions = new ConcurrentHashMap<>();
    private volatile HttpServer internal;
    private volatile InetSocketAddress internalAddress;

    /**
     * Starts the internal server on a free loopback port (only when the PSK listener runs), never one of
     * {@code listenerPorts}: it starts before the MAF's own listeners open, and a port it holds on 127.0.0.1 is one
     * they cannot bind on 0.0.0.0 (seen in CI: the management interface, on a port the kernel had just handed the
     * bridge, failed the MAF's start with "Address already in use").
     */
    synchronized InetSocketAddress start(Vertx vertx, int maxInitialLineLength, int maxHeaderSize,
            int idleTimeoutSeconds, Set<Integer> listenerPorts) throws Exception {
        if (internal != null) {
            return internalAddress;
        }
        // A concrete port, not 0: Quarkus's Micrometer binder tags HTTP server meters with server.port only when the
        // options name one, and Prometheus refuses the same meter with different tag keys (the HTTPS server's start
        // then never completes). A port just found free may be taken meanwhile: then another.
        HttpServer server = null;
        for (int attempt = 1; server == null; attempt++) {
            int port = portOutside(listenerPorts, PskBridge::freeLoopbackPort);
            HttpServerOptions options = new HttpServerOptions().setHost(InetAddress.getLoopbackAddress().getHostAddress())
                    .setPort(port).setMaxInitialLineLength(maxInitialLineLength).setMaxHeaderSize(maxHeaderSize)
                    .setIdleTimeout(idleTimeoutSeconds).setIdleTimeoutUnit(TimeUnit.SECONDS).setCompressionSupported(false);
            HttpServer candidate = vertx.createHttpServer(options).requestHandler(this::handle);
            try {
                candidate.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                server = candidate;
            } catch (java.util.concurrent.ExecutionException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
        internal = server;
        internalAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.actualPort());
        return internalAddress;
    }

    /** The first of the {@code candidates} that is none of {@code listenerPorts}. */
    static int portOutside(Set<Integer> listenerPorts, PortCandidates candidates) throws java.io.IOException {
        int port = candidates.next();
        while (listenerPorts.contains(port)) {
            port = candidates.next();
        }
        return port;
    }

    @FunctionalInterface
    interface PortCandidates {
        int next() throws java.io.IOException;
    }

    private static int freeLoopbackPort() throws java.io.IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    synchronized void stop() {
        if (internal != null) {
            internal.close();
            internal = null;
        }
    }

    private void handle(HttpServerRequest request) {
        if (sessionOf(request).isEmpty()) {
            // Not the bridge: nothing here is served to anyone else.
            request.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .putHeader(MafNames.HEADER_RSC, String.valueOf(Rsc.ORIGINATOR_NOT_AUTHENTICATED.code()))
                    .putHeader("Connection", "close")
                    .end("{\"m2m:dbg\":\"This port serves only the MAF's own TLS-PSK listener.\"}")
                    .onComplete(done -> request.connection().close());
            return;
        }
        VertxHttpRecorder.getRootHandler().handle(request);
    }

    /** Registered before the bridge sends anything on {@code bridgeEnd}; removed when that connection ends. */
    void register(InetSocketAddress bridgeEnd, PskSession session) {
        sessions.put(bridgeEnd, session);
    }

    void unregister(InetSocketAddress bridgeEnd) {
        sessions.remove(bridgeEnd);
    }

    /**
     * The PSK session of a request that came through the bridge; empty for every request that arrived any other way
     * (with TLS, i.e. on the certificate listener; or on the internal server from an address the bridge does not hold).
     */
    public Optional<PskSession> sessionOf(HttpServerRequest request) {
        InetSocketAddress server = internalAddress;
        if (server == null || request.isSSL() || request.sslSession() != null) {
            return Optional.empty();
        }
        SocketAddress local = request.localAddress();
        SocketAddress remote = request.remoteAddress();
        if (local == null || remote == null || local.port() != server.getPort() || remote.hostAddress() == null
                || !InetAddress.getLoopbackAddress().getHostAddress().equals(local.hostAddress())) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessions.get(new InetSocketAddress(remote.hostAddress(), remote.port())));
    }

    InetSocketAddress internalAddress() {
        return internalAddress;
    }

    /** Open PSK connections that reached HTTP (a gauge). */
    int open() {
        return sessions.size();
    }
}
