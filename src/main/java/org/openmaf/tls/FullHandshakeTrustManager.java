package org.openmaf.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies client certificates with the configured trust anchors, then makes the handshake's session non-resumable.
 * <p>
 * Why: on a TLS 1.2 resumption by session ID the JDK reuses the cached {@code SSLSession} object for the new
 * connection and overwrites the randoms its RFC 5705 exporter reads. A key registration on the first connection would
 * then derive Kc from the second connection's randoms. Invalidating every client-authenticated session keeps it out of
 * the session cache (and, with server tickets off, see {@link MafHttpsServer}, out of tickets), so each MAF connection
 * is a full handshake with an exporter of its own. It also means every connection re-verifies the client certificate.
 */
final class FullHandshakeTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager delegate;
    private final Consumer<HandshakeRefusal> refused;

    FullHandshakeTrustManager(X509TrustManager delegate, Consumer<HandshakeRefusal> refused) {
        this.delegate = delegate;
        this.refused = refused;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            if (delegate instanceof X509ExtendedTrustManager extended) {
                extended.checkClientTrusted(chain, authType, engine);
            } else {
                delegate.checkClientTrusted(chain, authType);
            }
        } catch (CertificateException untrusted) {
            refused.accept(new HandshakeRefusal(engine.getPeerHost(), "the client certificate does not chain to a trust"
                    + " anchor, or is expired (" + untrusted.getClass().getSimpleName() + ")"));
            throw untrusted;
        }
        invalidate(engine.getHandshakeSession());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        if (delegate instanceof X509ExtendedTrustManager extended) {
            extended.checkClientTrusted(chain, authType, socket);
        } else {
            delegate.checkClientTrusted(chain, authType);
        }
        if (socket instanceof javax.net.ssl.SSLSocket ssl) {
            invalidate(ssl.getHandshakeSession());
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
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
        return delegate.getAcceptedIssuers();
    }

    private static void invalidate(SSLSession handshakeSession) {
        if (handshakeSession != null) {
            handshakeSession.invalidate();
        }
    }
}
