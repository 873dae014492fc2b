package org.openmaf.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.openmaf.onem2m.MafException;
import org.openmaf.wire.ConnectionKeys;

import io.vertx.core.http.HttpServerRequest;

/**
 * The TLS connection that carries the current request: the certificate listener's (the JDK's {@link SSLSession}; this
 * is the only code that touches it) or a TLS-PSK connection of {@link PskListener}, which {@link PskBridge} knows.
 */
@RequestScoped
public class TlsConnection {

    @Inject
    HttpServerRequest request;

    @Inject
    PskBridge pskBridge;

    /** The PSK-based MAF Handshake's result, when the request came over the PSK listener; never for a request with TLS. */
    public Optional<PskSession> pskSession() {
        return pskBridge.sessionOf(request);
    }

    /** The client certificate chain the handshake verified against the trust anchors, leaf first. */
    public Optional<X509Certificate[]> verifiedClientChain() {
        SSLSession session = request.sslSession();
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new));
        } catch (SSLPeerUnverifiedException noClientCertificate) {
            return Optional.empty();
        }
    }

    /** What the verified leaf certificate of this connection names, worked out on the session's first request. */
    CertificateNames certificateNames(X509Certificate leaf) {
        SSLSession session = request.sslSession();
        if (session == null) {
            return CertificateNames.of(leaf);
        }
        return VerifiedSessions.namesOf(session, leaf).orElseThrow(() -> MafException.notAuthenticated("This TLS"
                + " connection resumed an earlier session, so its client certificate was not verified on it; the MAF"
                + " verifies the certificate on every connection: connect again without session resumption."));
    }

    /**
     * KcID and Kc from the exporter of this very connection (TS-0003 10.3.1), the values the client derives locally.
     */
    public ConnectionKeys exportConnectionKeys() {
        Optional<PskSession> psk = pskSession();
        if (psk.isPresent()) {
            return psk.get().connectionKeys().orElseThrow(() -> MafException.badRequest("No key can be exported from"
                    + " this TLS 1.2 connection because it did not negotiate the extended master secret (RFC 7627); use"
                    + " TLS 1.3 or a TLS 1.2 client with extended master secret, or send a self-generated keyValue."));
        }
        if (!(request.sslSession() instanceof ExtendedSSLSession session)) {
            throw MafException.badRequest("Key registration needs a TLS connection to the MAF.");
        }
        try {
            return ConnectionKeys.split(session.exportKeyingMaterialData(ConnectionKeys.EXPORTER_LABEL, null,
                    ConnectionKeys.EXPORTER_LENGTH));
        } catch (javax.net.ssl.SSLKeyException e) {
            // JDK refuses TLS 1.2 export without the extended master secret (RFC 7627 section 5.4).
            throw MafException.badRequest("No key can be exported from this TLS 1.2 connection because it did not"
                    + " negotiate the extended master secret (RFC 7627); use TLS 1.3 or a TLS 1.2 client with extended"
                    + " master secret, or send a self-generated keyValue.");
        }
    }
}
