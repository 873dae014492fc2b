package org.openmaf.tls;

import java.util.Arrays;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.openmaf.config.MafConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The HTTPS endpoint's TLS and connections, beyond what {@code quarkus.tls.*} sets (protocols, suites, key and trust
 * stores) and {@code quarkus.http.idle-timeout}: the JDK TLS engine, whose {@code ExtendedSSLSession} provides the
 * RFC 5705 exporter; client certificate verification through {@link FullHandshakeTrustManager}; and the limits on slow
 * and certificate-less peers of contract section 6, enforced per connection by {@link ConnectionWatch}.
 */
@Singleton
public class MafHttpsServer implements HttpServerOptionsCustomizer {

    @Inject
    Vertx vertx;

    @Inject
    MafConfig config;

    @Inject
    MeterRegistry metrics;

    /**
     * With stateless tickets on, a TLS 1.2 ServerHello promises a NewSessionTicket that the JDK then never sends for a
     * session {@link FullHandshakeTrustManager} has made non-resumable, and clients abort. The JDK reads this switch
     * when it constructs an SSLContext, so setting it here, before Vert.x builds the server's context, suffices.
     */
    static final String SERVER_SESSION_TICKETS = "jdk.tls.server.enableSessionTicketExtension";

    /**
     * Contract section 6: a client may not renegotiate a TLS 1.2 connection (TLS 1.3 has no renegotiation). The JDK
     * reads this switch once, when the first server handshake of the process begins, which is after this customizer
     * ran. The build sets it for the test JVMs as well, where other tests may have run a JDK server handshake first.
     */
    static final String REJECT_CLIENT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        System.setProperty(SERVER_SESSION_TICKETS, "false");
        System.setProperty(REJECT_CLIENT_RENEGOTIATION, "true");
        // HTTP/1.1 only (the oneM2M HTTP binding, TS-0009): ConnectionWatch follows requests through its codec.
        options.setUseAlpn(false);
        options.setSslEngineOptions(new WatchedJdkEngine(new ConnectionLimits(config.http().headerTimeout(),
                config.tls().maxUnauthenticatedConnections(), metrics)));
        TrustOptions trust = options.getTrustOptions();
        if (trust == null) {
            throw new IllegalStateException("maf.tls.trust-anchors is not configured: the MAF endpoint needs the CAs"
                    + " that MAF client certificates chain to");
        }
        try {
            TrustManagerFactory factory = trust.getTrustManagerFactory(vertx);
            X509TrustManager verifier = Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no X.509 trust manager for the trust anchors"));
            options.setTrustOptions(TrustOptions.wrap((TrustManager) new FullHandshakeTrustManager(verifier)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load maf.tls.trust-anchors: " + e.getMessage(), e);
        }
    }
}
