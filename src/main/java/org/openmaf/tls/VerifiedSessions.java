package org.openmaf.tls;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import javax.net.ssl.SSLSession;

/**
 * The TLS sessions whose client certificate {@link FullHandshakeTrustManager} verified in their own full handshake, each
 * with what that certificate names ({@link CertificateNames}) once a request asked. A session that is not here presents
 * a certificate nobody verified on its connection: a resumed session. The MAF sends no session tickets and caches no
 * client-authenticated session, so no client should ever resume one; this makes sure none that does is anybody
 * (contract section 7: a certificate revoked by a CRL is refused from its reload on, which only a handshake checks).
 * <p>
 * Kept beside the sessions, not in them: a value put into a TLS 1.3 session ({@code SSLSession.putValue}) makes the JDK
 * send the client a NewSessionTicket with the next response, even for a session {@link FullHandshakeTrustManager}
 * invalidated, and keep a resumable copy in the server's session cache. The MAF did so until issue 12's fourth round:
 * OpenSSL could resume a connection's session without any certificate, and the cache held the last 20,000 or so
 * sessions, some 40 MB of the heap. Weak keys: an entry goes with its session's connection.
 */
final class VerifiedSessions {

    private static final Map<SSLSession, Verified> VERIFIED = Collections.synchronizedMap(new WeakHashMap<>());

    /** The leaf certificate verified for a session, and its names once worked out (null before). */
    private record Verified(X509Certificate leaf, CertificateNames names) {
    }

    private VerifiedSessions() {
    }

    /** Called by the trust manager once the handshake's client certificate chain, leaf first, passed every check. */
    static void verified(SSLSession handshake, X509Certificate leaf) {
        if (handshake != null) {
            VERIFIED.put(handshake, new Verified(leaf, null));
        }
    }

    /**
     * What the session's verified leaf certificate names, worked out on the session's first request; empty when the
     * session's certificate was not verified in a handshake of its own. Sessions compare by their IDs; the certificate
     * is compared too, so names are never those of another session's certificate.
     */
    static Optional<CertificateNames> namesOf(SSLSession session, X509Certificate leaf) {
        Verified verified = VERIFIED.get(session);
        if (verified == null || !verified.leaf().equals(leaf)) {
            return Optional.empty();
        }
        if (verified.names() != null) {
            return Optional.of(verified.names());
        }
        CertificateNames names = CertificateNames.of(leaf);
        VERIFIED.put(session, new Verified(leaf, names));
        return Optional.of(names);
    }
}
