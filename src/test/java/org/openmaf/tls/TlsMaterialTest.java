package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.pki.CertificateAuthority;
import org.openmaf.pki.IssuedCredential;
import org.openmaf.testing.OpenSslCrl;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.ExtraClient;

/** What a load of the endpoint's TLS files accepts: CRLs of the trust anchors only, and a key that fits its certificate. */
class TlsMaterialTest {

    private static Path dir;
    private static ExtraClient revoked;
    private static ExtraClient other;

    @BeforeAll
    static void pki() throws Exception {
        TestPki.ensure();
        dir = Files.createDirectories(TestPki.DIR.resolve("tls-material"));
        revoked = TestPki.issueClient("material-revoked", dir);
        other = TestPki.issueClient("material-other", dir);
    }

    @Test
    void aCrlOfATrustAnchorRevokesWhatItListsAndNothingElse() throws Exception {
        Path crl = dir.resolve("anchor.crl");
        OpenSslCrl.write(crl, true, List.of(revoked));
        TlsMaterial material = TlsMaterial.of(1, serverKeys(TestPki.issueServer()), anchors(), List.of(Files.readAllBytes(crl)));
        assertThat(material.revocationOf(new X509Certificate[] { revoked.certificate() })).isPresent();
        assertThat(material.revocationOf(new X509Certificate[] { other.certificate() })).isEmpty();
    }

    @Test
    void aCrlNoTrustAnchorIssuedIsRefusedNotIgnored() throws Exception {
        CertificateAuthority rogue = CertificateAuthority.create("Rogue test CA", Duration.ofDays(1));
        rogue.credential().writePem(dir.resolve("rogue.crt"), dir.resolve("rogue.key"));
        Path crl = dir.resolve("rogue.crl");
        OpenSslCrl.write(crl, false, List.of(revoked), dir.resolve("rogue.crt"), dir.resolve("rogue.key"));
        assertThatThrownBy(() -> TlsMaterial.of(1, serverKeys(TestPki.issueServer()), anchors(), List.of(Files.readAllBytes(crl))))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("maf.tls.crls")
                .hasMessageContaining("Rogue test CA");
        assertThatThrownBy(() -> TlsMaterial.of(1, serverKeys(TestPki.issueServer()), anchors(),
                List.of("not a CRL".getBytes()))).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aKeyThatDoesNotFitTheCertificateIsNotInstalled() throws Exception {
        IssuedCredential one = TestPki.issueServer();
        IssuedCredential another = TestPki.issueServer();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", another.privateKey(), new char[0], new Certificate[] { one.certificate() });
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        factory.init(store, new char[0]);
        assertThatThrownBy(() -> TlsMaterial.of(1, factory.getKeyManagers(), anchors(), List.of()))
                .hasMessageContaining("does not belong");
        assertThat(TlsMaterial.of(1, serverKeys(one), anchors(), List.of()).serverCertificate()).contains(one.certificate());
    }

    private static KeyManager[] serverKeys(IssuedCredential credential) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", credential.privateKey(), new char[0], credential.chain().toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
        factory.init(store, new char[0]);
        return factory.getKeyManagers();
    }

    private static TrustManager[] anchors() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(TestPki.truststore())) {
            trust.load(in, TestPki.PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trust);
        return factory.getTrustManagers();
    }
}
