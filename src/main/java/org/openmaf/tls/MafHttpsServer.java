package org.openmaf.tls;

import javax.net.ssl.TrustManager;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.Refusals;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The HTTPS endpoint's TLS and connections, beyond what {@code quarkus.tls.maf.*} sets (protocols, suites) and
 * {@code quarkus.http.idle-timeout}: the JDK TLS engine, whose {@code ExtendedSSLSession} provides the RFC 5705
 * exporter; client certificate verification, against the trust anchors and CRLs, through
 * {@link FullHandshakeTrustManager}; the server key through {@link ServerKeyManager} (both consult
 * {@link ServerTlsMaterial}, which re-reads the files every {@code maf.tls.reload-period}); and the limits on slow and
 * certificate-less peers of contract section 6, enforced per connection by {@link ConnectionWatch}.
 */
@Singleton
public class MafHttpsServer implements HttpServerOptionsCustomizer {

    @Inject
    ServerTlsMaterial material;

    @Inject
    MafConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    Refusals refusals;

    @Inject
    Event<HandshakeRefusal> handshakeRefusals;

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

    /** Contract section 6: counted always; the audit decides whether to record it (once a minute per address). */
    private void refused(HandshakeRefusal refusal) {
        refusals.counted(Refusals.UNTRUSTED_CERTIFICATE);
        handshakeRefusals.fireAsync(refusal);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        System.setProperty(SERVER_SESSION_TICKETS, "false");
        System.setProperty(REJECT_CLIENT_RENEGOTIATION, "true");
        // HTTP/1.1 only (the oneM2M HTTP binding, TS-0009): ConnectionWatch follows requests through its codec.
        options.setUseAlpn(false);
        options.setSslEngineOptions(new WatchedJdkEngine(new ConnectionLimits(config.http().headerTimeout(),
                config.tls().maxUnauthenticatedConnections(), metrics), new HandshakeFailures(metrics)));
        if (options.getTrustOptions() == null) {
            throw new IllegalStateException("maf.tls.trust-anchors is not configured: the MAF endpoint needs the CAs"
                    + " that MAF client certificates chain to");
        }
        material.initial();
        options.setKeyCertOptions(KeyCertOptions.wrap(new ServerKeyManager(material)));
        options.setTrustOptions(TrustOptions.wrap((TrustManager) new FullHandshakeTrustManager(material, this::refused)));
        // The CRLs are checked by FullHandshakeTrustManager, as last reloaded; Vert.x would keep the first ones forever.
        options.getCrlValues().clear();
        options.getCrlPaths().clear();
    }
}
