package org.openmaf.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import io.netty.channel.Channel;
import io.netty.handler.ssl.DelegatingSslContext;
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

            @Override
            public SslContextFactory forClient(boolean client) {
                this.forClient = client;
                return super.forClient(client);
            }

            @Override
            public SslContext create() throws SSLException {
                SslContext context = super.create();
                return forClient ? context : new Watched(context, limits, failures);
            }
        };
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
