package org.openmaf.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A minimal EC P-256 certificate authority (TS-0003 10.1: ECDSA certificates), used for the dev PKI and the test PKI.
 * It issues the certificate flavours the MAF meets: an FQDN certificate for the MAF itself and CSE-ID / AE-ID
 * certificates for MAF clients, whose subjectAltName carries the client's ID.
 */
public final class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuedCredential credential;

    private CertificateAuthority(IssuedCredential credential) {
        this.credential = credential;
    }

    public static CertificateAuthority create(String commonName, Duration validity) {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(new IssuedCredential(sign(builder, keys.getPrivate()), List.of(), keys.getPrivate()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create CA certificate", e);
        }
    }

    public static CertificateAuthority load(Path certificateFile, Path keyFile) throws IOException {
        return new CertificateAuthority(
                new IssuedCredential(Pem.readCertificates(certificateFile).getFirst(), List.of(), Pem.readPrivateKey(keyFile)));
    }

    public X509Certificate certificate() {
        return credential.certificate();
    }

    public IssuedCredential credential() {
        return credential;
    }

    /** A TLS server certificate whose SAN lists the given DNS names. */
    public IssuedCredential issueServer(String commonName, List<String> dnsNames, Duration validity) {
        Instant now = Instant.now();
        List<GeneralName> names = dnsNames.stream().map(dns -> new GeneralName(GeneralName.dNSName, dns)).toList();
        return issue(commonName, names, KeyPurposeId.id_kp_serverAuth, now.minus(Duration.ofMinutes(5)), now.plus(validity));
    }

    /** A TLS client certificate; {@code subjectAltNames} carry the client's oneM2M ID (see {@link SubjectAltNames}). */
    public IssuedCredential issueClient(String commonName, List<GeneralName> subjectAltNames, Instant notBefore, Instant notAfter) {
        return issue(commonName, subjectAltNames, KeyPurposeId.id_kp_clientAuth, notBefore, notAfter);
    }

    public IssuedCredential issueClient(String commonName, List<GeneralName> subjectAltNames, Duration validity) {
        Instant now = Instant.now();
        return issueClient(commonName, subjectAltNames, now.minus(Duration.ofMinutes(5)), now.plus(validity));
    }

    private IssuedCredential issue(String commonName, List<GeneralName> subjectAltNames, KeyPurposeId purpose,
            Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(credential.certificate(), serial(),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + commonName), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(credential.certificate()));
            if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
            }
            return new IssuedCredential(sign(builder, credential.privateKey()), List.of(credential.certificate()), keys.getPrivate());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue certificate for " + commonName, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
