package org.openmaf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x509.GeneralName;
import org.openmaf.pki.CertificateAuthority;
import org.openmaf.pki.IssuedCredential;
import org.openmaf.pki.SubjectAltNames;

/**
 * The test PKI, generated at test time under target/test-pki (test fixtures only: never used outside tests).
 * Clients cover every identity case of contract section 1.
 */
public final class TestPki {

    public static final Path DIR = Path.of("target", "test-pki").toAbsolutePath();
    public static final String PASSWORD = "test-only";
    public static final String SP = "my.m2mprovider.org";

    public enum Client {
        /** Annex B dNSName form. */
        IN_CSE("in-cse", "//" + SP + "/in-cse", List.of(SubjectAltNames.dns(SP + "/in-cse"))),
        MN_CSE("mn-cse-123456", "//" + SP + "/mn-cse-123456", List.of(SubjectAltNames.dns(SP + "/mn-cse-123456"))),
        /** Scheme-less URI SAN (the JDK cannot parse it). */
        AE("ae-smartphone", "//" + SP + "/CAE3", List.of(SubjectAltNames.uri("//" + SP + "/CAE3"))),
        /** URI SAN with a scheme. */
        AE_WITH_SCHEME("ae-scheme", "//" + SP + "/CAE4", List.of(SubjectAltNames.uri("https://" + SP + "/CAE4"))),
        /** A second IN-CSE, authorized for the stakeholder, never a target. */
        OTHER_CSE("other-cse", "//" + SP + "/other-cse", List.of(SubjectAltNames.dns(SP + "/other-cse"))),
        /** Trusted CA, but no stakeholder authorizes its SP. */
        INTRUDER("intruder", "//other.example.org/intruder", List.of(SubjectAltNames.dns("other.example.org/intruder"))),
        /** The SP-ID in capitals: the canonical ID lowercases it (contract section 7). */
        UPPER_SP("upper-sp", "//" + SP + "/upper-ae", List.of(SubjectAltNames.uri("//MY.M2MProvider.ORG/upper-ae"))),
        /** Not canonical IDs (contract section 7): refused with 4106, never matched against a pattern. */
        DOT_SEGMENTS("dot-segments", null, List.of(SubjectAltNames.uri("//" + SP + "/x/../in-cse"))),
        PERCENT("percent", null, List.of(SubjectAltNames.uri("//" + SP + "/in%2Dcse"))),
        WILDCARD("wildcard", null, List.of(SubjectAltNames.uri("//" + SP + "/*"))),
        NO_ID("no-id", null, List.of(SubjectAltNames.dns("plain-host.example.org"))),
        TWO_IDS("two-ids", null, List.of(SubjectAltNames.dns(SP + "/one"), SubjectAltNames.uri("//" + SP + "/two"))),
        EXPIRED("expired", "//" + SP + "/expired", List.of(SubjectAltNames.dns(SP + "/expired"))),
        /** Issued by a CA the MAF does not trust. */
        UNTRUSTED("untrusted", "//" + SP + "/untrusted", List.of(SubjectAltNames.dns(SP + "/untrusted")));

        public final String fileName;
        public final String clientId;
        final List<GeneralName> sans;

        Client(String fileName, String clientId, List<GeneralName> sans) {
            this.fileName = fileName;
            this.clientId = clientId;
            this.sans = sans;
        }

        public Path certificate() {
            return DIR.resolve(fileName + ".crt");
        }

        public Path key() {
            return DIR.resolve(fileName + ".key");
        }

        public Path pkcs12() {
            return DIR.resolve(fileName + ".p12");
        }
    }

    private static boolean generated;

    private TestPki() {
    }

    public static synchronized void ensure() {
        if (generated && Files.exists(truststore())) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            Duration year = Duration.ofDays(365);
            CertificateAuthority ca = CertificateAuthority.create("MAF test CA", year);
            CertificateAuthority rogue = CertificateAuthority.create("Untrusted test CA", year);
            ca.credential().writePem(caCertificate(), DIR.resolve("ca.key"));
            ca.issueServer("localhost", List.of("localhost", "maf.test.example"), year).writePem(serverCertificate(), serverKey());
            for (Client client : Client.values()) {
                IssuedCredential credential = switch (client) {
                    case UNTRUSTED -> rogue.issueClient(client.fileName, client.sans, year);
                    case EXPIRED -> ca.issueClient(client.fileName, client.sans,
                            Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));
                    default -> ca.issueClient(client.fileName, client.sans, year);
                };
                credential.writePem(client.certificate(), client.key());
                credential.writePkcs12(client.pkcs12(), client.fileName, PASSWORD.toCharArray());
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("maf-test-ca", ca.certificate());
            try (var out = Files.newOutputStream(truststore())) {
                trust.store(out, PASSWORD.toCharArray());
            }
            generated = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path caCertificate() {
        return DIR.resolve("ca.crt");
    }

    public static Path serverCertificate() {
        return DIR.resolve("maf-server.crt");
    }

    public static Path serverKey() {
        return DIR.resolve("maf-server.key");
    }

    public static Path truststore() {
        return DIR.resolve("truststore.p12");
    }

    /** A client certificate of its own, issued by the test CA, for a test that revokes or blocks it. */
    public record ExtraClient(String clientId, X509Certificate certificate, Path certificateFile, Path keyFile, Path pkcs12) {

        /** The SHA-256 fingerprint, lowercase hex, as the admin API takes it. */
        public String fingerprint() {
            try {
                return java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The serial number as OpenSSL prints it in a CRL: upper-case hex, an even number of digits. */
        public String serialHex() {
            String hex = certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
            return hex.length() % 2 == 0 ? hex : "0" + hex;
        }
    }

    /** Issues {@code //SP/name} (dNSName SP/name) into {@code directory}. */
    public static ExtraClient issueClient(String name, Path directory) {
        ensure();
        try {
            IssuedCredential credential = testCa().issueClient(name, List.of(SubjectAltNames.dns(SP + "/" + name)),
                    Duration.ofDays(30));
            Path certificate = directory.resolve(name + ".crt");
            Path key = directory.resolve(name + ".key");
            Path pkcs12 = directory.resolve(name + ".p12");
            credential.writePem(certificate, key);
            credential.writePkcs12(pkcs12, name, PASSWORD.toCharArray());
            return new ExtraClient("//" + SP + "/" + name, credential.certificate(), certificate, key, pkcs12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new MAF server certificate (same names as the standard one, new key and serial) from the test CA. */
    public static IssuedCredential issueServer() {
        ensure();
        try {
            return testCa().issueServer("localhost", List.of("localhost", "maf.test.example"), Duration.ofDays(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path caKey() {
        return DIR.resolve("ca.key");
    }

    private static CertificateAuthority testCa() throws IOException {
        return CertificateAuthority.load(caCertificate(), caKey());
    }
}
