package org.openmaf.tls;

import java.security.GeneralSecurityException;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import io.netty.channel.Channel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.DefaultSslContextFactory;
import io.vertx.core.spi.tls.SslContextFactory;

/**
 * The JDK TLS engine (its {@code ExtendedSSLSession} provides the RFC 5705 exporter) whose server connections are each
 * handed to a {@link ConnectionWatch} when their handshake completes. Neither Quarkus nor Vert.x offers a hook per
 * connection of the HTTPS server; the TLS handler Vert.x creates for each connection through this engine is one. A
 * handshake that fails is counted by {@link HandshakeFailures}.
 */
final class WatchedJdkEngine extends JdkSSLEngineOptions {

    private final ConnectionLimits limits;
    private final HandshakeFailures failures;

    WatchedJdkEngine(ConnectionLimits limits, HandshakeFailures failures) {
        this.limits = limits;
        this.failures = failures;
    }

    private WatchedJdkEngine(WatchedJdkEngine that) {
        super(that);
        this.limits = that.limits;
        this.failures = that.failures;
    }

    /** Vert.x copies the server options, and this with them. */
    @Override
    public WatchedJdkEngine copy() {
        return new WatchedJdkEngine(this);
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new DefaultSslContextFactory(SslProvider.JDK, false) {
            private boolean forClient;
            private ClientAuth clientAuth = ClientAuth.NONE;
            private Set<String> cipherSuites;
            private KeyManagerFactory keys;
            private TrustManagerFactory trust;

            @Override
            public SslContextFactory forClient(boolean client) {
                this.forClient = client;
                return super.forClient(client);
            }

            @Override
            public SslContextFactory clientAuth(ClientAuth auth) {
                this.clientAuth = auth;
                return super.clientAuth(auth);
            }

            @Override
            public SslContextFactory enabledCipherSuites(Set<String> suites) {
                this.cipherSuites = suites;
                return super.enabledCipherSuites(suites);
            }

            @Override
            public SslContextFactory keyMananagerFactory(KeyManagerFactory factory) {
                this.keys = factory;
                return super.keyMananagerFactory(factory);
            }

            @Override
            public SslContextFactory trustManagerFactory(TrustManagerFactory factory) {
                this.trust = factory;
                return super.trustManagerFactory(factory);
            }

            @Override
            public SslContext create() throws SSLException {
                return forClient ? super.create() : new Watched(serverContext(keys, trust, cipherSuites, clientAuth),
                        limits, failures);
            }
        };
    }

    /**
     * The server's context, straight from a JDK {@link SSLContext}, as Netty's builder would make it (no ALPN: the MAF
     * speaks HTTP/1.1 only; Vert.x sets the protocols on each engine). Not through that builder: it initializes Netty's
     * {@code JdkSslServerContext}, whose one-time probe instantiates BouncyCastle's JCE provider (on the class path for
     * the PSK listener): about 800 classes from signed jars, which the JDK's AOT cache does not hold, and a quarter of
     * a second of CPU taken from start-up on two cores (issue 12), for a probe whose answer only changes the error
     * messages of client-side certificate checks.
     */
    private static SslContext serverContext(KeyManagerFactory keys, TrustManagerFactory trust, Set<String> cipherSuites,
            ClientAuth clientAuth) throws SSLException {
        if (keys == null) {
            throw new SSLException("the MAF endpoint has no server key (maf.tls.server-cert, maf.tls.server-key)");
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return new JdkSslContext(context, false, cipherSuites == null || cipherSuites.isEmpty() ? null : cipherSuites,
                    IdentityCipherSuiteFilter.INSTANCE, null, clientAuth, null, false);
        } catch (GeneralSecurityException e) {
            throw new SSLException("cannot build the MAF endpoint's TLS context: " + e.getMessage(), e);
        }
    }

    private static final class Watched extends DelegatingSslContext {

        private final ConnectionLimits limits;
        private final HandshakeFailures failures;

        Watched(SslContext context, ConnectionLimits limits, HandshakeFailures failures) {
            super(context);
            this.limits = limits;
            this.failures = failures;
        }

        @Override
        protected void initEngine(SSLEngine engine) {
            // Vert.x configures protocols and suites on the engine in its own wrapper.
        }

        @Override
        protected void initHandler(SslHandler handler) {
            handler.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    ConnectionWatch.watch((Channel) handshake.getNow(), handler, limits);
                } else {
                    failures.failed(handshake.cause());
                }
            });
        }
    }
}
