package org.openmaf.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CRL;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * What the MAF endpoint's TLS was last loaded with: the server's key and certificate chain, the trust anchors of MAF
 * client certificates, and the CRLs those anchors published (contract section 7). Immutable; {@link ServerTlsMaterial}
 * replaces it whole when the files change.
 *
 * @param generation distinguishes one load from the next, so that a handshake picks key and chain from the same one
 */
record TlsMaterial(long generation, X509ExtendedKeyManager serverKeys, X509TrustManager trustAnchors, List<X509CRL> crls) {

    static TlsMaterial of(long generation, KeyManager[] keyManagers, TrustManager[] trustManagers, List<byte[]> crlFiles)
            throws GeneralSecurityException {
        X509ExtendedKeyManager keys = Arrays.stream(keyManagers).filter(X509ExtendedKeyManager.class::isInstance)
                .map(X509ExtendedKeyManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 key manager for maf.tls.server-cert"));
        X509TrustManager anchors = Arrays.stream(trustManagers).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager for maf.tls.trust-anchors"));
        checkKeyMatchesCertificate(keys);
        return new TlsMaterial(generation, keys, anchors, crls(crlFiles, anchors.getAcceptedIssuers()));
    }

    /** Every alias the key manager would serve from (it answers per key type only). */
    static List<String> serverAliases(X509ExtendedKeyManager keys) {
        java.util.TreeSet<String> aliases = new java.util.TreeSet<>();
        for (String keyType : List.of("EC", "RSA", "RSASSA-PSS", "EdDSA", "Ed25519", "Ed448")) {
            String[] found = keys.getServerAliases(keyType, null);
            if (found != null) {
                aliases.addAll(Arrays.asList(found));
            }
        }
        return List.copyOf(aliases);
    }

    /** The certificate the server presents (of the first alias). */
    Optional<X509Certificate> serverCertificate() {
        return serverAliases(serverKeys).stream().map(serverKeys::getCertificateChain)
                .filter(chain -> chain != null && chain.length > 0).map(chain -> chain[0]).findFirst();
    }

    /** The CRL entry that revokes a certificate of this chain, if a loaded CRL lists one. */
    Optional<X509CRLEntry> revocationOf(X509Certificate[] chain) {
        for (X509Certificate certificate : chain) {
            for (X509CRL crl : crls) {
                if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                    X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                    if (entry != null) {
                        return Optional.of(entry);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * PEM or DER, one or more CRLs a file. Each must be signed by one of the trust anchors: a CRL nobody we trust
     * signed could revoke anyone, and one we silently ignored would revoke no one.
     */
    private static List<X509CRL> crls(List<byte[]> files, X509Certificate[] anchors) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509CRL> crls = new ArrayList<>();
        for (byte[] file : files) {
            var parsed = factory.generateCRLs(new ByteArrayInputStream(file));
            if (parsed.isEmpty()) {
                throw new CertificateException("a file named by maf.tls.crls holds no CRL (PEM or DER expected)");
            }
            for (CRL crl : parsed) {
                X509CRL x509 = (X509CRL) crl;
                crls.add(verified(x509, anchors));
            }
        }
        return List.copyOf(crls);
    }

    private static X509CRL verified(X509CRL crl, X509Certificate[] anchors) throws GeneralSecurityException {
        for (X509Certificate anchor : anchors) {
            if (anchor.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                crl.verify(anchor.getPublicKey());
                return crl;
            }
        }
        throw new CertificateException("the CRL of " + crl.getIssuerX500Principal().getName() + " in maf.tls.crls was"
                + " not issued by any of maf.tls.trust-anchors");
    }

    /**
     * A certificate and key replaced one file at a time can be read half-way; serving that pair would fail every
     * handshake, so such a load is refused and the previous material kept until the next reload.
     */
    private static void checkKeyMatchesCertificate(X509ExtendedKeyManager keys) throws GeneralSecurityException {
        List<String> aliases = serverAliases(keys);
        if (aliases.isEmpty()) {
            throw new GeneralSecurityException("maf.tls.server-cert holds no certificate with a key");
        }
        for (String alias : aliases) {
            X509Certificate[] chain = keys.getCertificateChain(alias);
            PrivateKey key = keys.getPrivateKey(alias);
            String algorithm = switch (key.getAlgorithm()) {
                case "EC" -> "SHA256withECDSA";
                case "RSA" -> "SHA256withRSA";
                default -> null;
            };
            if (chain == null || chain.length == 0 || algorithm == null) {
                continue;
            }
            byte[] probe = "maf-tls-material".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(chain[0].getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new GeneralSecurityException("maf.tls.server-key does not belong to maf.tls.server-cert");
            }
        }
    }
}
