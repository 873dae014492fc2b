package org.openmaf.tls;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import javax.net.ssl.SSLSession;

/**
 * What a client certificate says about who presents it, worked out once per TLS session rather than on every request
 * of a kept-alive connection (issue 12: parsing the subjectAltName and hashing the certificate were a twentieth of a
 * retrieval's CPU). Both are functions of the certificate alone, which a session never changes; what the operator
 * decides about it (binding, block list, Km) is read from the database on every request all the same.
 *
 * @param fingerprint lowercase hex SHA-256 of the DER certificate ({@link ClientIdentityResolver#fingerprint})
 * @param namedIds the MAF client IDs its subjectAltName names ({@link ClientIdFromCertificate#candidates})
 */
record CertificateNames(String fingerprint, Set<String> namedIds) {

    /**
     * The names of each live TLS session's leaf certificate, kept beside the session, not in it: a value put into a TLS
     * 1.3 session ({@code SSLSession.putValue}) makes the JDK send the client a NewSessionTicket with the next response,
     * even for a session {@link FullHandshakeTrustManager} invalidated, and keep a resumable copy in the server's session
     * cache. The MAF did so until issue 12's fourth round: any client could resume a connection's session without its
     * certificate being verified again (a certificate revoked by a CRL since was still accepted), and the cache held the
     * last 20,000 or so sessions, some 40 MB of the heap. Weak keys: an entry goes with its session's connection.
     */
    private static final Map<SSLSession, Known> OF_SESSION = Collections.synchronizedMap(new WeakHashMap<>());

    /** The names, with the certificate they were worked out from. */
    private record Known(X509Certificate leaf, CertificateNames names) {
    }

    static CertificateNames of(X509Certificate certificate) {
        return new CertificateNames(ClientIdentityResolver.fingerprint(certificate),
                Collections.unmodifiableSet(ClientIdFromCertificate.candidates(certificate)));
    }

    /**
     * The names of the session's verified leaf certificate, worked out on the session's first request. Sessions compare
     * by their IDs; the certificate is compared too, so names are never those of another session's certificate.
     */
    static CertificateNames of(SSLSession session, X509Certificate leaf) {
        Known known = OF_SESSION.get(session);
        if (known != null && known.leaf().equals(leaf)) {
            return known.names();
        }
        CertificateNames names = of(leaf);
        OF_SESSION.put(session, new Known(leaf, names));
        return names;
    }
}
