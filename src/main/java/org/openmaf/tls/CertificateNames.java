package org.openmaf.tls;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Set;

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

    private static final String SESSION_VALUE = CertificateNames.class.getName();

    static CertificateNames of(X509Certificate certificate) {
        return new CertificateNames(ClientIdentityResolver.fingerprint(certificate),
                Collections.unmodifiableSet(ClientIdFromCertificate.candidates(certificate)));
    }

    /** The names of the session's verified leaf certificate, computed on the session's first request. */
    static CertificateNames of(SSLSession session, X509Certificate leaf) {
        if (session.getValue(SESSION_VALUE) instanceof CertificateNames known) {
            return known;
        }
        CertificateNames names = of(leaf);
        session.putValue(SESSION_VALUE, names);
        return names;
    }
}
