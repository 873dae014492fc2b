package org.openmaf.tls;

import javax.net.ssl.TrustManager;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The HTTPS endpoint's TLS, beyond what {@code quarkus.tls.*} sets (protocols, suites): the JDK TLS engine, whose
 * {@code ExtendedSSLSession} provides the RFC 5705 exporter; client certificate verification, against the trust
 * anchors and CRLs, through {@link FullHandshakeTrustManager}; and the server key through {@link ServerKeyManager}.
 * Both consult {@link ServerTlsMaterial}, which re-reads the files every {@code maf.tls.reload-period}.
 */
@Singleton
public class MafHttpsServer implements HttpServerOptionsCustomizer {

    @Inject
    ServerTlsMaterial material;

    /**
     * With stateless tickets on, a TLS 1.2 ServerHello promises a NewSessionTicket that the JDK then never sends for a
     * session {@link FullHandshakeTrustManager} has made non-resumable, and clients abort. The JDK reads this switch
     * when it constructs an SSLContext, so setting it here, before Vert.x builds the server's context, suffices.
     */
    static final String SERVER_SESSION_TICKETS = "jdk.tls.server.enableSessionTicketExtension";

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        System.setProperty(SERVER_SESSION_TICKETS, "false");
        options.setSslEngineOptions(new JdkSSLEngineOptions());
        if (options.getTrustOptions() == null) {
            throw new IllegalStateException("maf.tls.trust-anchors is not configured: the MAF endpoint needs the CAs"
                    + " that MAF client certificates chain to");
        }
        material.initial();
        options.setKeyCertOptions(KeyCertOptions.wrap(new ServerKeyManager(material)));
        options.setTrustOptions(TrustOptions.wrap((TrustManager) new FullHandshakeTrustManager(material)));
        // The CRLs are checked by FullHandshakeTrustManager, as last reloaded; Vert.x would keep the first ones forever.
        options.getCrlValues().clear();
        options.getCrlPaths().clear();
    }
}
