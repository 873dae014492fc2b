package org.openmaf.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.openmaf.onem2m.MafException;
import org.openmaf.wire.ClientId;

/**
 * Turns a verified client certificate into the MAF client ID (contract section 1): an operator's explicit binding of
 * the certificate's SHA-256 fingerprint wins; otherwise the one ID its subjectAltName names. A certificate on the
 * operators' block list (contract section 7) names no one.
 */
@ApplicationScoped
public class ClientIdentityResolver {

    /**
     * The binding and the block list, read together in one round trip on every request (both by primary key), so that
     * what an operator changes applies from the next request on, on every instance sharing the database.
     */
    private static final String BINDING_AND_BLOCK = "select"
            + " (select b.client_id from certificate_binding b where b.fingerprint_sha256 = :fingerprint),"
            + " (select count(*) from blocked_certificate x where x.fingerprint_sha256 = :fingerprint)";

    public String clientIdOf(X509Certificate certificate) {
        String fingerprint = fingerprint(certificate);
        Object[] row = (Object[]) CertificateBinding.getEntityManager().createNativeQuery(BINDING_AND_BLOCK)
                .setParameter("fingerprint", fingerprint).getSingleResult();
        if (((Number) row[1]).longValue() > 0) {
            throw MafException.notAuthenticated("The client certificate with SHA-256 fingerprint " + fingerprint
                    + " is blocked by the MAF's operator; ask them, or use another certificate.");
        }
        if (row[0] != null) {
            // Bound IDs are stored canonical by the admin API; canonical again here for bindings stored before that rule.
            String bound = (String) row[0];
            return ClientId.isValid(bound) ? ClientId.canonical(bound) : bound;
        }
        Set<String> ids = ClientIdFromCertificate.candidates(certificate);
        if (ids.isEmpty()) {
            throw MafException.notAuthenticated("The client certificate names no MAF client: its subjectAltName holds"
                    + " neither a URI //SP-ID/id (or scheme://SP-ID/id) nor a dNSName SP-ID/id, and no operator binding"
                    + " exists for its SHA-256 fingerprint " + fingerprint + ".");
        }
        if (ids.size() > 1) {
            throw MafException.notAuthenticated("The client certificate names more than one MAF client ("
                    + String.join(", ", ids) + "), so the MAF cannot tell which one you are.");
        }
        return ids.iterator().next();
    }

    /** Lowercase hex SHA-256 of the DER certificate, the form {@code openssl x509 -fingerprint -sha256} shows without colons. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}
