package org.openmaf.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Builds the JDK {@link SSLContext} for the MAF Handshake (TS-0003 8.8.2.2) from PEM or PKCS#12 files. */
final class ClientTlsContext {

    private ClientTlsContext() {
    }

    static SSLContext create(MafClientSettings settings) throws IOException {
        try {
            // The key store only lives in memory; its password protects nothing, so a random one avoids a constant.
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            char[] password = HexFormat.of().formatHex(random).toCharArray();
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            if (!isPkcs12(settings)) {
                List<X509Certificate> chain = readCertificates(settings.certificateChain());
                if (chain.isEmpty()) {
                    throw MafClientException.local("no certificate in " + settings.certificateChain());
                }
                PrivateKey key = readPrivateKey(settings.privateKey());
                identity.setKeyEntry("maf-client", key, password, chain.toArray(new Certificate[0]));
            } else {
                KeyStore.PrivateKeyEntry entry = readPkcs12(settings.certificateChain(), settings.privateKey());
                identity.setKeyEntry("maf-client", entry.getPrivateKey(), password, entry.getCertificateChain());
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(identity, password);

            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int index = 0;
            for (Path file : settings.trustAnchors()) {
                for (X509Certificate anchor : readCertificates(file)) {
                    anchors.setCertificateEntry("anchor-" + index++, anchor);
                }
            }
            if (index == 0) {
                throw MafClientException.local("no trust-anchor certificate in " + settings.trustAnchors());
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(anchors);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with the configured certificate, key and trust anchors: " + e.getMessage(), e);
        }
    }

    /**
     * PKCS#12 (see {@link MafClientSettings#withPkcs12}) is DER, starting with a SEQUENCE tag, and comes with a password
     * file; a DER certificate also starts so, but then the key file is PEM. Told apart by content, not by file name.
     */
    private static boolean isPkcs12(MafClientSettings settings) throws IOException {
        try (InputStream in = Files.newInputStream(settings.certificateChain())) {
            if (in.read() != 0x30) {
                return false;
            }
        }
        return !Files.readString(settings.privateKey(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("-----BEGIN");
    }

    /** The one private key entry of a PKCS#12 file; the password is the first line of {@code passwordFile}. */
    static KeyStore.PrivateKeyEntry readPkcs12(Path file, Path passwordFile) throws IOException, GeneralSecurityException {
        char[] password = firstLine(passwordFile);
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, password);
            } catch (IOException e) {
                // the JDK reports a wrong password as an IOException whose cause is an UnrecoverableKeyException
                throw MafClientException.local("cannot open PKCS#12 " + file + " (wrong password in " + passwordFile + "?): "
                        + e.getMessage());
            }
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)
                        && store.getEntry(alias, new KeyStore.PasswordProtection(password)) instanceof KeyStore.PrivateKeyEntry entry) {
                    return entry;
                }
            }
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        throw MafClientException.local("no private key entry in PKCS#12 " + file);
    }

    private static char[] firstLine(Path file) throws IOException {
        String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : read) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        }
    }

    /** PKCS#8 ({@code PRIVATE KEY}) or SEC1 / PKCS#1 ({@code EC PRIVATE KEY}, {@code RSA PRIVATE KEY}); not encrypted. */
    static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    // SEC1 may omit the public key, so convert only the private part
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            }
        }
        throw MafClientException.local("no unencrypted PKCS#8 or SEC1 private key in " + file);
    }
}
