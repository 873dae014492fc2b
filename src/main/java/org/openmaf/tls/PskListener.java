package org.openmaf.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openmaf.config.ListenerPorts;
import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.Refusals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The PSK-based MAF Handshake's listener (TS-0003 8.8.2.2, contract section 8) on {@code maf.psk.port}: TLS-PSK with
 * the low-level BouncyCastle API (the only one that offers PSK and the exporter), one virtual thread per connection.
 * After the handshake the connection's decrypted HTTP/1.1 stream goes through {@link PskBridge} to the same routes as
 * the certificate listener's.
 * <p>
 * Contract section 6 here: the handshake and the first request's first byte must each arrive within
 * {@code maf.http.header-timeout}; a connection idle for {@code quarkus.http.idle-timeout} closes; at most
 * {@code maf.tls.max-unauthenticated-connections} handshakes run at once (further peers are closed at once); each
 * failed handshake is counted ({@code maf_refusals_total{reason="unknown-psk-identity"|"psk-handshake-failed"}}) and
 * audited at most once a minute per address ({@link HandshakeRefusal}).
 */
@Singleton
public class PskListener {

    private static final Logger LOG = Logger.getLogger(PskListener.class);
    public static final String UNKNOWN_IDENTITY = "unknown-psk-identity";
    public static final String HANDSHAKE_FAILED = "psk-handshake-failed";
    private static final int BUFFER = 16 * 1024;

    @Inject
    MafConfig config;

    @Inject
    PskCredentials credentials;

    @Inject
    PskBridge bridge;

    @Inject
    ListenerPorts listenerPorts;

    @Inject
    Refusals refusals;

    @Inject
    Event<HandshakeRefusal> handshakeRefusals;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;

    @ConfigProperty(name = "quarkus.http.idle-timeout", defaultValue = "60s")
    Duration idleTimeout;

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "16384")
    int maxInitialLineLength;

    @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "64K")
    io.quarkus.runtime.configuration.MemorySize maxHeaderSize;

    private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private volatile ServerSocket serverSocket;
    private Semaphore handshakes;

    void start(@Observes StartupEvent started, Vertx vertx) throws Exception {
        int port = config.psk().port();
        if (port == 0) {
            LOG.info("PSK-based MAF Handshake listener disabled (maf.psk.port=0)");
            return;
        }
        handshakes = new Semaphore(Math.max(1, config.tls().maxUnauthenticatedConnections()));
        InetSocketAddress internal = bridge.start(vertx, maxInitialLineLength, (int) maxHeaderSize.asLongValue(),
                (int) Math.max(1, idleTimeout.toSeconds()), listenerPorts.configured());
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 512);
        serverSocket = socket;
        Gauge.builder("maf.psk.connections", bridge, PskBridge::open)
                .description("Open TLS-PSK connections that completed the handshake").register(metrics);
        Thread.ofPlatform().name("maf-psk-accept").daemon().start(this::acceptLoop);
        LOG.infof("PSK-based MAF Handshake listening on %s:%d (TLS 1.2 PSK, TLS 1.3 external PSK; bridge on %s)", host,
                socket.getLocalPort(), internal);
    }

    void stop(@Observes ShutdownEvent stopping) {
        ServerSocket socket = serverSocket;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        bridge.stop();
    }

    /** The port bound; 0 while the listener is disabled or not yet started. */
    public int port() {
        ServerSocket socket = serverSocket;
        return socket == null ? 0 : socket.getLocalPort();
    }

    private void acceptLoop() {
        ServerSocket socket = serverSocket;
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                if (!handshakes.tryAcquire()) {
                    refusals.counted(HANDSHAKE_FAILED);
                    connection.close();
                    continue;
                }
                Thread.ofVirtual().name("maf-psk-" + connection.getRemoteSocketAddress()).start(() -> serve(connection));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warnf("PSK listener: accept failed: %s", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket connection) {
        String peer = connection.getInetAddress().getHostAddress();
        try (connection) {
            MafPskServer server = new MafPskServer(crypto, credentials, config.fqdn());
            TlsServerProtocol tls;
            try {
                connection.setSoTimeout(millis(config.http().headerTimeout()));
                connection.setTcpNoDelay(true);
                tls = new TlsServerProtocol(connection.getInputStream(), connection.getOutputStream());
                tls.accept(server);
            } catch (IOException | RuntimeException failed) {
                refused(server, peer, failed);
                return;
            } finally {
                handshakes.release();
            }
            PskSession session = server.session(peer);
            forward(connection, tls, session);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("PSK connection from %s ended: %s", peer, e.toString());
        }
    }

    private void refused(MafPskServer server, String peer, Exception failed) {
        boolean unknown = server.identityUnknown();
        refusals.counted(unknown ? UNKNOWN_IDENTITY : HANDSHAKE_FAILED);
        handshakeRefusals.fireAsync(new HandshakeRefusal(peer, unknown
                ? "TLS-PSK handshake refused: unknown, expired or deleted KmID"
                : "TLS-PSK handshake failed (wrong Km, or not a TLS-PSK client): " + failed.getClass().getSimpleName()));
    }

    /** Pumps the decrypted stream to the internal server and back, the bridge's end registered with the session. */
    private void forward(Socket connection, TlsServerProtocol tls, PskSession session) throws IOException {
        try (Socket internal = new Socket()) {
            // Both hops without Nagle's algorithm: the pumps write what they read as it comes, and a request written
            // in two parts (head, body) would otherwise wait for the delayed ACK of the first, 40 ms on Linux.
            internal.setTcpNoDelay(true);
            internal.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            internal.connect(bridge.internalAddress(), millis(config.http().headerTimeout()));
            InetSocketAddress bridgeEnd = (InetSocketAddress) internal.getLocalSocketAddress();
            bridge.register(bridgeEnd, session);
            try {
                Thread back = Thread.ofVirtual().start(() -> pump(internal, tls));
                upstream(connection, tls.getInputStream(), internal.getOutputStream());
                internal.shutdownOutput();
                back.join(millis(idleTimeout));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                bridge.unregister(bridgeEnd);
                Arrays.fill(session.exporter() == null ? new byte[0] : session.exporter(), (byte) 0);
                tls.close();
            }
        }
    }

    /** Client to MAF. The first request's first byte within the header timeout, then the idle timeout. */
    private void upstream(Socket connection, InputStream fromClient, OutputStream toMaf) throws IOException {
        byte[] buffer = new byte[BUFFER];
        boolean first = true;
        try {
            for (int n = fromClient.read(buffer); n >= 0; n = fromClient.read(buffer)) {
                if (first) {
                    connection.setSoTimeout(millis(idleTimeout));
                    first = false;
                }
                toMaf.write(buffer, 0, n);
                toMaf.flush();
            }
        } catch (SocketTimeoutException idle) {
            LOG.debugf("PSK connection idle or too slow; closed");
        }
    }

    /** MAF to client, until the internal server closes its side. */
    private static void pump(Socket internal, TlsServerProtocol tls) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream fromMaf = internal.getInputStream();
            OutputStream toClient = tls.getOutputStream();
            for (int n = fromMaf.read(buffer); n >= 0; n = fromMaf.read(buffer)) {
                toClient.write(buffer, 0, n);
                toClient.flush();
            }
            tls.close();
        } catch (IOException ended) {
            // either side went away
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
