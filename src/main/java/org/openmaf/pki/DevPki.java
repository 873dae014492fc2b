package org.openmaf.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The dev-mode PKI, generated once under a folder: an EC P-256 CA, the MAF server certificate (SAN {@code localhost}
 * and the MAF-FQDN) and client certificates for the seed TR's entities, in PEM and PKCS#12. For development only.
 */
public final class DevPki {

    public static final String SP_ID = "my.m2mprovider.org";
    public static final String PKCS12_PASSWORD = "maf-dev";

    /** The dev MAF clients: file name, and the SAN that names them. */
    public enum DevClient {
        IN_CSE("in-cse", "//" + SP_ID + "/in-cse", SubjectAltNames.dns(SP_ID + "/in-cse")),
        MN_CSE("mn-cse-123456", "//" + SP_ID + "/mn-cse-123456", SubjectAltNames.dns(SP_ID + "/mn-cse-123456")),
        AE("ae-smartphone", "//" + SP_ID + "/CAE3", SubjectAltNames.uri("//" + SP_ID + "/CAE3"));

        public final String fileName;
        public final String clientId;
        final GeneralName subjectAltName;

        DevClient(String fileName, String clientId, GeneralName subjectAltName) {
            this.fileName = fileName;
            this.clientId = clientId;
            this.subjectAltName = subjectAltName;
        }
    }

    private final Path folder;

    private DevPki(Path folder) {
        this.folder = folder;
    }

    /** The PKI under {@code folder}, generated on first use. Returns whether it was generated now. */
    public static DevPki ensure(Path folder, String mafFqdn) throws IOException {
        DevPki pki = new DevPki(folder);
        if (!Files.exists(pki.serverCertificate())) {
            pki.generate(mafFqdn);
        }
        return pki;
    }

    private void generate(String mafFqdn) throws IOException {
        Files.createDirectories(folder);
        Duration validity = Duration.ofDays(3650);
        CertificateAuthority ca = CertificateAuthority.create("MAF dev CA (development only)", validity);
        ca.credential().writePem(caCertificate(), folder.resolve("ca.key"));
        ca.issueServer(mafFqdn, List.of("localhost", mafFqdn), validity).writePem(serverCertificate(), serverKey());
        for (DevClient client : DevClient.values()) {
            IssuedCredential credential = ca.issueClient(client.fileName, List.of(client.subjectAltName), validity);
            credential.writePem(certificate(client), key(client));
            credential.writePkcs12(folder.resolve(client.fileName + ".p12"), client.fileName, PKCS12_PASSWORD.toCharArray());
        }
    }

    public Path folder() {
        return folder;
    }

    public Path caCertificate() {
        return folder.resolve("ca.crt");
    }

    public Path serverCertificate() {
        return folder.resolve("maf-server.crt");
    }

    public Path serverKey() {
        return folder.resolve("maf-server.key");
    }

    public Path certificate(DevClient client) {
        return folder.resolve(client.fileName + ".crt");
    }

    public Path key(DevClient client) {
        return folder.resolve(client.fileName + ".key");
    }
}
