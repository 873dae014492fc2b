package org.openmaf.tls;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Set;

/**
 * What a client certificate says about who presents it, worked out once per TLS session ({@link VerifiedSessions})
 * rather than on every request of a kept-alive connection (issue 12: parsing the subjectAltName and hashing the
 * certificate were a twentieth of a retrieval's CPU). Both are functions of the certificate alone, which a session never changes; what the operator
 * decides about it (binding, block list, Km) is read from the database on every request all the same.
 *
 * @param fingerprint lowercase hex SHA-256 of the DER certificate ({@link ClientIdentityResolver#fingerprint})
 * @param namedIds the MAF client IDs its subjectAltName names ({@link ClientIdFromCertificate#candidates})
 */
record CertificateNames(String fingerprint, Set<String> namedIds) {

    static CertificateNames of(X509Certificate certificate) {
        return new CertificateNames(ClientIdentityResolver.fingerprint(certificate),
                Collections.unmodifiableSet(ClientIdFromCertificate.candidates(certificate)));
    }
}
