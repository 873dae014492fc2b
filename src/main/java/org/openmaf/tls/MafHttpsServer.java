package org.openmaf.tls;

import java.util.Arrays;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.openmaf.onem2m.Refusals;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The HTTPS endpoint's TLS, beyond what {@code quarkus.tls.*} sets (protocols, suites, key and trust stores): the JDK
 * TLS engine, whose {@code ExtendedSSLSession} provides the RFC 5705 exporter, and client certificate verification
 * through {@link FullHandshakeTrustManager}.
 */
@Singleton
public class MafHttpsServer implements HttpServerOptionsCustomizer {

    @Inject
    Vertx vertx;

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

    /** Contract section 6: counted always; the audit decides whether to record it (once a minute per address). */
    private void refused(HandshakeRefusal refusal) {
        refusals.counted(Refusals.UNTRUSTED_CERTIFICATE);
        handshakeRefusals.fireAsync(refusal);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        System.setProperty(SERVER_SESSION_TICKETS, "false");
        options.setSslEngineOptions(new JdkSSLEngineOptions());
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
            options.setTrustOptions(TrustOptions.wrap((TrustManager) new FullHandshakeTrustManager(verifier, this::refused)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load maf.tls.trust-anchors: " + e.getMessage(), e);
        }
    }
}
