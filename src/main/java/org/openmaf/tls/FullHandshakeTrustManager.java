package org.openmaf.tls;

import java.net.Socket;
import java.security.cert.CRLReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Verifies client certificates with the trust anchors and CRLs {@link ServerTlsMaterial} loaded last (a revoked
 * certificate fails the handshake, contract section 7), then makes the handshake's session non-resumable.
 * <p>
 * Why: on a TLS 1.2 resumption by session ID the JDK reuses the cached {@code SSLSession} object for the new
 * connection and overwrites the randoms its RFC 5705 exporter reads. A key registration on the first connection would
 * then derive Kc from the second connection's randoms. Invalidating every client-authenticated session keeps it out of
 * the session cache (and, with server tickets off, see {@link MafHttpsServer}, out of tickets), so each MAF connection
 * is a full handshake with an exporter of its own. It also means every connection re-verifies the client certificate.
 */
final class FullHandshakeTrustManager extends X509ExtendedTrustManager {

    private final ServerTlsMaterial material;
    /** Told of each refused client certificate, so the refusal is counted and, within limits, audited. */
    private final Consumer<HandshakeRefusal> refused;

    FullHandshakeTrustManager(ServerTlsMaterial material, Consumer<HandshakeRefusal> refused) {
        this.material = material;
        this.refused = refused;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        TlsMaterial now = material.current();
        try {
            if (now.trustAnchors() instanceof X509ExtendedTrustManager extended) {
                extended.checkClientTrusted(chain, authType, engine);
            } else {
                now.trustAnchors().checkClientTrusted(chain, authType);
            }
            checkNotRevoked(now, chain);
        } catch (CertificateException untrusted) {
            refused.accept(new HandshakeRefusal(engine.getPeerHost(), "the client certificate does not chain to a trust"
                    + " anchor, is expired or is revoked (" + untrusted.getClass().getSimpleName() + ")"));
            throw untrusted;
        }
        verified(engine.getHandshakeSession(), chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        TlsMaterial now = material.current();
        if (now.trustAnchors() instanceof X509ExtendedTrustManager extended) {
            extended.checkClientTrusted(chain, authType, socket);
        } else {
            now.trustAnchors().checkClientTrusted(chain, authType);
        }
        checkNotRevoked(now, chain);
        if (socket instanceof javax.net.ssl.SSLSocket ssl) {
            verified(ssl.getHandshakeSession(), chain);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        TlsMaterial now = material.current();
        now.trustAnchors().checkClientTrusted(chain, authType);
        checkNotRevoked(now, chain);
    }

    private static void checkNotRevoked(TlsMaterial material, X509Certificate[] chain) throws CertificateException {
        var revoked = material.revocationOf(chain);
        if (revoked.isPresent()) {
            var entry = revoked.get();
            throw new CertificateRevokedException(Date.from(entry.getRevocationDate().toInstant()),
                    entry.getRevocationReason() == null ? CRLReason.UNSPECIFIED : entry.getRevocationReason(),
                    entry.getCertificateIssuer() != null ? entry.getCertificateIssuer() : chain[0].getIssuerX500Principal(),
                    Map.of());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the MAF endpoint verifies client certificates only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the MAF endpoint verifies client certificates only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the MAF endpoint verifies client certificates only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return material.current().trustAnchors().getAcceptedIssuers();
    }

    /** Non-resumable from now on, and known as verified by this handshake ({@link VerifiedSessions}). */
    private static void verified(SSLSession handshakeSession, X509Certificate[] chain) {
        if (handshakeSession != null) {
            handshakeSession.invalidate();
            VerifiedSessions.verified(handshakeSession, chain[0]);
        }
    }
}
