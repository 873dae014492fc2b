package org.openmaf.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** A certificate, the chain up to (not including) its root, and its private key. */
public record IssuedCredential(X509Certificate certificate, List<X509Certificate> issuers, PrivateKey privateKey) {

    /** Leaf first, then the issuers: the order a TLS peer sends. */
    public List<X509Certificate> chain() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(certificate), issuers.stream()).toList();
    }

    public void writePem(Path certificateFile, Path keyFile) throws IOException {
        Files.createDirectories(certificateFile.toAbsolutePath().getParent());
        Files.writeString(certificateFile, Pem.certificates(chain()));
        writeSecret(keyFile, Pem.privateKey(privateKey).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public void writePkcs12(Path file, String alias, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password, chain().toArray(Certificate[]::new));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            store.store(bytes, password);
            writeSecret(file, bytes.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write PKCS#12 " + file, e);
        }
    }

    /** Private key files are readable by their owner only. */
    static void writeSecret(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
    }
}
