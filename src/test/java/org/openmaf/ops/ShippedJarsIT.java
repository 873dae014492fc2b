package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packaged MAF ships no signed jar: the JDK AOT cache cannot hold the classes of a signed jar, so each start would
 * verify its signature and load its classes from it (about 0.2 s of start-up for BouncyCastle's and ACCP's, issue 12).
 * Their signature files are removed by {@code quarkus.class-loading.removed-resources} in application.properties; the
 * signatures are checked here instead, against their publishers' pinned signing certificates, and the shipped copy
 * must be the signed jar byte for byte, less its signature files. That is a stronger check than the JDK's at run time,
 * which only compares a jar with the certificate the jar itself carries.
 */
class ShippedJarsIT {

    static final Path LIBRARIES = Path.of("target", "quarkus-app", "lib");
    static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+");
    /** {@code quarkus.class-loading.removed-resources."group\:artifact[\:classifier]"=files}, as Properties reads it. */
    static final Pattern REMOVED_RESOURCES = Pattern.compile("quarkus\\.class-loading\\.removed-resources\\.\"([^\"]+)\"");

    /**
     * SHA-256 of each publisher's code-signing certificate (both issued by Oracle's JCE Code Signing CA), by group id.
     * A new release signed with another certificate fails here until someone checks the new one and pins it.
     */
    static final Map<String, String> PUBLISHERS = Map.of(
            "org.bouncycastle", "7C3B84E39BAB35B23044ADA94939FDE3C817B0D4214E02D2185EBED98E4620D9", // Legion of the Bouncy Castle Inc.
            "software.amazon.cryptools", "21C9C0F6B3543A0E0ADD6832FA2F93D021CFE330E97B932B3AF6833830600FAF"); // Amazon Web Services

    @Test
    void noShippedJarIsSigned() throws IOException {
        List<String> signed = new ArrayList<>();
        for (Path jar : shippedJars()) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                if (file.stream().anyMatch(entry -> SIGNATURE_FILE.matcher(entry.getName()).matches())) {
                    signed.add(jar.getFileName().toString());
                }
            }
        }
        assertThat(signed).as("signed jars keep their classes out of the AOT cache: check their signature here and remove"
                + " their signature files in application.properties (quarkus.class-loading.removed-resources)").isEmpty();
    }

    @Test
    void eachStrippedJarIsItsPublishersSignedJarLessTheSignature() throws Exception {
        Map<String, String> stripped = strippedArtifacts();
        assertThat(stripped.keySet()).as("application.properties strips BouncyCastle's and ACCP's signatures")
                .contains("org.bouncycastle:bcprov-jdk18on", "org.bouncycastle:bctls-jdk18on",
                        "software.amazon.cryptools:AmazonCorrettoCryptoProvider:linux-x86_64");
        for (Map.Entry<String, String> artifact : stripped.entrySet()) {
            String group = artifact.getKey().split(":")[0];
            assertThat(PUBLISHERS).as(artifact.getKey() + ": a stripped jar needs its publisher's pinned certificate")
                    .containsKey(group);
            Path original = originalOf(artifact.getKey());
            Map<String, byte[]> verified = verifiedEntries(original, PUBLISHERS.get(group));
            Path shipped = LIBRARIES.resolve("main").resolve(group + "." + original.getFileName());
            Map<String, byte[]> shippedEntries = entries(shipped);
            for (String removed : artifact.getValue().split(",")) {
                assertThat(verified).as(original.getFileName() + " has the signature file it names").containsKey(removed);
                verified.remove(removed);
            }
            assertThat(shippedEntries.keySet()).as(shipped.getFileName() + ": the signed jar's entries, less its signature")
                    .containsExactlyInAnyOrderElementsOf(verified.keySet());
            // The build writes the manifest again, without the signature's per-entry digests: its main section stays.
            assertThat(mainAttributes(shippedEntries.remove(JarFile.MANIFEST_NAME)))
                    .as(shipped.getFileName() + ": the manifest's main section")
                    .isEqualTo(mainAttributes(verified.remove(JarFile.MANIFEST_NAME)));
            verified.forEach((name, bytes) -> assertThat(sha256(shippedEntries.get(name)))
                    .as(shipped.getFileName() + "!" + name + " is the signed jar's").isEqualTo(sha256(bytes)));
        }
    }

    /** Every entry of a signed jar, read through the JDK's verification: each class signed by the pinned certificate. */
    private static Map<String, byte[]> verifiedEntries(Path jar, String pinnedSha256) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            for (JarEntry entry : file.stream().toList()) {
                byte[] bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = in.readAllBytes(); // a digest that does not match throws SecurityException here
                }
                entries.put(entry.getName(), bytes);
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                assertThat(signers).as(jar.getFileName() + "!" + entry.getName() + " is signed").isNotNull();
                assertThat(Stream.of(signers).map(ShippedJarsIT::signerSha256))
                        .as(jar.getFileName() + "!" + entry.getName() + " is signed by its publisher").contains(pinnedSha256);
            }
        }
        return entries;
    }

    private static String signerSha256(CodeSigner signer) {
        try {
            return sha256(((X509Certificate) signer.getSignerCertPath().getCertificates().getFirst()).getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attributes mainAttributes(byte[] manifest) throws IOException {
        return new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes();
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : file.stream().toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** group:artifact[:classifier] to the files application.properties removes from it. */
    private static Map<String, String> strippedArtifacts() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        Map<String, String> stripped = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            Matcher removed = REMOVED_RESOURCES.matcher(name);
            if (removed.matches()) {
                stripped.put(removed.group(1), properties.getProperty(name));
            }
        }
        return stripped;
    }

    /** The artifact's jar as Maven resolved it (.../group/artifact/version/artifact-version[-classifier].jar). */
    private static Path originalOf(String coordinates) {
        String[] parts = coordinates.split(":");
        String directory = "/" + parts[0].replace('.', '/') + "/" + parts[1] + "/";
        String classifier = parts.length > 2 ? "-" + parts[2] : "";
        List<Path> found = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.replace('\\', '/').contains(directory)).map(Path::of)
                .filter(jar -> jar.getFileName().toString()
                        .equals(parts[1] + "-" + jar.getParent().getFileName() + classifier + ".jar"))
                .toList();
        assertThat(found).as(coordinates + " on the test class path").hasSize(1);
        return found.getFirst();
    }

    private static List<Path> shippedJars() throws IOException {
        try (Stream<Path> files = Files.walk(LIBRARIES)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
            assertThat(jars).as("the packaged application's libraries").isNotEmpty();
            return jars;
        }
    }
}
