package org.openmaf.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CRLs of the test CA made by OpenSSL ({@code openssl ca -gencrl}) from a minimal CA database of its own, so that what
 * the MAF reads is what an operator's OpenSSL-run CA publishes (test fixtures only).
 */
public final class OpenSslCrl {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private OpenSslCrl() {
    }

    /**
     * Writes a CRL listing {@code revoked} to {@code crlFile} (PEM, or DER if {@code der}), replacing the file in one
     * move as an operator's deployment would. Returns {@code openssl crl -text} of it.
     */
    public static String write(Path crlFile, boolean der, List<TestPki.ExtraClient> revoked) throws IOException, InterruptedException {
        return write(crlFile, der, revoked, TestPki.caCertificate(), TestPki.caKey());
    }

    /** The same, signed by another CA (PEM certificate and key). */
    public static String write(Path crlFile, boolean der, List<TestPki.ExtraClient> revoked, Path caCertificate, Path caKey)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(crlFile.toAbsolutePath().getParent(), "openssl-ca");
        String now = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1).format(UTC_TIME);
        String index = revoked.stream().map(client -> String.join("\t", "R",
                client.certificate().getNotAfter().toInstant().atZone(ZoneOffset.UTC).format(UTC_TIME),
                now + ",keyCompromise", client.serialHex(), "unknown",
                "/CN=" + client.clientId().substring(client.clientId().lastIndexOf('/') + 1)) + "\n")
                .collect(Collectors.joining());
        Files.writeString(work.resolve("index.txt"), index);
        Files.writeString(work.resolve("crlnumber"), "01\n");
        Files.writeString(work.resolve("ca.cnf"), "[ ca ]\ndefault_ca = test_ca\n[ test_ca ]\n"
                + "database = " + work.resolve("index.txt") + "\ncrlnumber = " + work.resolve("crlnumber") + "\n"
                + "default_md = sha256\ndefault_crl_days = 1\nunique_subject = no\n");
        Path pem = work.resolve("crl.pem");
        OpenSsl.run(List.of("ca", "-config", work.resolve("ca.cnf").toString(), "-gencrl", "-keyfile",
                caKey.toString(), "-cert", caCertificate.toString(), "-out", pem.toString()));
        Path made = pem;
        if (der) {
            made = work.resolve("crl.der");
            OpenSsl.run(List.of("crl", "-in", pem.toString(), "-outform", "DER", "-out", made.toString()));
        }
        String text = OpenSsl.run(List.of("crl", "-inform", der ? "DER" : "PEM", "-in", made.toString(), "-noout", "-text"));
        Files.move(made, crlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return text;
    }
}
