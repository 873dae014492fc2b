package org.openmaf.tls;

import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLPeerUnverifiedException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Slow and idle peers (contract section 6) on one HTTPS connection, from the end of its handshake:
 * <ul>
 * <li>a connection without a client certificate takes one of {@link ConnectionLimits}' places, or is closed at once;
 * <li>a request's headers must arrive within the header timeout: counted from the end of the handshake for the first
 * request, and from the first byte of each later one (the time between requests is the idle timeout's, which Vert.x
 * enforces), as nginx's {@code client_header_timeout} does. A peer trickling a byte every few seconds resets the idle
 * timeout but not this one.
 * </ul>
 * Two handlers share the state: this one, right after the TLS handler, sees the decrypted bytes (a request begins);
 * {@link Requests}, right after the HTTP/1.1 codec, sees complete request heads and the end of each response.
 */
final class ConnectionWatch extends ChannelDuplexHandler {

    static final String NAME = "maf-connection-watch";
    private static final String REQUESTS = "maf-connection-watch-requests";

    private final ConnectionLimits limits;
    private final SslHandler tls;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> headerDeadline;
    /** Requests whose head has arrived and whose response has not been completely written. */
    private int openRequests;
    private boolean refused;
    private boolean requestsWatched;

    private ConnectionWatch(ConnectionLimits limits, SslHandler tls) {
        this.limits = limits;
        this.tls = tls;
    }

    /** Called when {@code tls} completed its handshake on {@code channel}, before the HTTP codec is installed. */
    static void watch(Channel channel, SslHandler tls, ConnectionLimits limits) {
        ChannelPipeline pipeline = channel.pipeline();
        ChannelHandlerContext tlsContext = pipeline.context(tls);
        if (tlsContext != null && channel.isActive()) {
            pipeline.addAfter(tlsContext.name(), NAME, new ConnectionWatch(limits, tls));
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
        Channel channel = ctx.channel();
        if (!presentedClientCertificate()) {
            if (!limits.admitUnauthenticated()) {
                // Nothing this connection sends reaches HTTP; closed once the handshake's own work is done.
                refused = true;
                channel.eventLoop().execute(channel::close);
                return;
            }
            channel.closeFuture().addListener(closed -> limits.unauthenticatedClosed());
        }
        channel.closeFuture().addListener(closed -> stopHeaderDeadline());
        startHeaderDeadline();
    }

    private boolean presentedClientCertificate() {
        try {
            return tls.engine().getSession().getPeerCertificates().length > 0;
        } catch (SSLPeerUnverifiedException none) {
            return false;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (refused) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (!requestsWatched) {
            watchRequests(ctx.pipeline());
        }
        if (openRequests == 0 && headerDeadline == null && message instanceof ByteBuf bytes && bytes.isReadable()) {
            startHeaderDeadline();
        }
        ctx.fireChannelRead(message);
    }

    /** Vert.x installs its HTTP/1.1 codec when the handshake completes, so it is in place at the first read. */
    private void watchRequests(ChannelPipeline pipeline) {
        ChannelHandlerContext encoder = pipeline.context(HttpResponseEncoder.class);
        if (encoder == null) {
            throw new IllegalStateException("the HTTPS connection has no HTTP/1.1 codec to watch (is HTTP/2 on?)");
        }
        pipeline.addAfter(encoder.name(), REQUESTS, new Requests());
        requestsWatched = true;
    }

    private void startHeaderDeadline() {
        headerDeadline = context.executor().schedule(() -> {
            limits.headerTimedOut();
            context.channel().close();
        }, limits.headerTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void stopHeaderDeadline() {
        if (headerDeadline != null) {
            headerDeadline.cancel(false);
            headerDeadline = null;
        }
    }

    /** Sees HTTP messages: a complete request head stops the header deadline; a complete final response ends a request. */
    private final class Requests extends ChannelDuplexHandler {

        private boolean informationalResponse;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest) {
                openRequests++;
                stopHeaderDeadline();
            }
            ctx.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
            if (message instanceof HttpResponse response) {
                // "100 Continue" ends no request: its body is still to come.
                informationalResponse = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            }
            if (message instanceof LastHttpContent && !informationalResponse && openRequests > 0) {
                openRequests--;
            }
            ctx.write(message, promise);
        }
    }
}
