package org.openmaf.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.openmaf.pki.CertificateAuthority;
import org.openmaf.pki.IssuedCredential;
import org.openmaf.pki.SubjectAltNames;

/** A throw-away PKI for client tests: a CA, a MAF server certificate for localhost, and one AE client certificate. */
public record ClientTestPki(Path caCertificate, Path clientCertificate, Path clientKey, IssuedCredential server,
        CertificateAuthority ca) {

    public static final String AE_ID = "//my.m2mprovider.org/CAE3";

    public static ClientTestPki create(Path directory) throws IOException {
        Duration day = Duration.ofDays(1);
        CertificateAuthority ca = CertificateAuthority.create("client test CA", day);
        ca.credential().writePem(directory.resolve("ca.crt"), directory.resolve("ca.key"));
        IssuedCredential server = ca.issueServer("localhost", List.of("localhost"), day);
        ca.issueClient("ae", List.of(SubjectAltNames.uri(AE_ID)), day).writePem(directory.resolve("ae.crt"), directory.resolve("ae.key"));
        return new ClientTestPki(directory.resolve("ca.crt"), directory.resolve("ae.crt"), directory.resolve("ae.key"), server, ca);
    }

    /** The MAF side: its certificate, and client certificates must chain to the test CA. */
    public SSLContext serverContext() throws Exception {
        char[] password = "test-only".toCharArray();
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("maf", server.privateKey(), password, server.chain().toArray(Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(identity, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    public MafClientSettings settings(int port, String mafFqdn) {
        return new MafClientSettings(URI.create("https://localhost:" + port), mafFqdn, clientCertificate, clientKey,
                List.of(caCertificate));
    }
}
