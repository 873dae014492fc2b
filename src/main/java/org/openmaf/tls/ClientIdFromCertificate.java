package org.openmaf.tls;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.openmaf.wire.ClientId;

/**
 * Reads the MAF client ID (an Absolute CSE-ID or AE-ID, {@code //SP-ID/id}) from a certificate's subjectAltName,
 * as contract section 1 says. The SAN is parsed with BouncyCastle because the JDK's
 * {@code getSubjectAlternativeNames()} throws for the whole extension when it meets a scheme-less URI such as
 * {@code //my.m2mprovider.org/CAE3}, or a dNSName holding a '/'.
 */
public final class ClientIdFromCertificate {

    private static final Pattern URI_WITH_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:(//.*)");
    private static final Pattern DNS_WITH_PATH = Pattern.compile("([^/]+)(/.+)");

    private ClientIdFromCertificate() {
    }

    /** The distinct IDs the certificate's SANs name, in the order they appear. */
    public static Set<String> candidates(X509Certificate certificate) {
        Set<String> ids = new LinkedHashSet<>();
        GeneralNames names;
        try {
            names = GeneralNames.fromExtensions(
                    new X509CertificateHolder(certificate.getEncoded()).getExtensions(), Extension.subjectAlternativeName);
        } catch (CertificateEncodingException | IOException | RuntimeException unparseable) {
            return ids;
        }
        if (names == null) {
            return ids;
        }
        for (GeneralName name : names.getNames()) {
            if (!(name.getName() instanceof ASN1IA5String text)) {
                continue;
            }
            Optional<String> id = switch (name.getTagNo()) {
                case GeneralName.uniformResourceIdentifier -> fromUri(text.getString());
                case GeneralName.dNSName -> fromDnsName(text.getString());
                default -> Optional.empty();
            };
            id.ifPresent(ids::add);
        }
        return ids;
    }

    /** {@code //SP-ID/id} as it is; {@code scheme://SP-ID/id} becomes {@code //SP-ID/id}. */
    static Optional<String> fromUri(String uri) {
        Matcher withScheme = URI_WITH_SCHEME.matcher(uri);
        String candidate = withScheme.matches() ? withScheme.group(1) : uri;
        return canonical(candidate);
    }

    /** The seed TR Annex B form {@code my.m2mprovider.org/mn-cse-123456} becomes {@code //my.m2mprovider.org/mn-cse-123456}. */
    static Optional<String> fromDnsName(String dnsName) {
        Matcher matcher = DNS_WITH_PATH.matcher(dnsName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return canonical("//" + matcher.group(1) + matcher.group(2));
    }

    /**
     * The one client ID rule, {@link ClientId}, shared with the procedures, the admin API and the client library; in its
     * canonical form (SP-ID lowercased, contract section 7), so two spellings of one SP-ID are one client.
     */
    private static Optional<String> canonical(String id) {
        return ClientId.isValid(id) ? Optional.of(ClientId.canonical(id)) : Optional.empty();
    }
}
