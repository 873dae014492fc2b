package org.openmaf.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The client ships alone (target/maf-client.jar holds only org/openmaf/client/** and org/openmaf/wire/**), so it must
 * not use server classes, and the server must not depend on the client. Both speak the wire vocabulary of
 * org/openmaf/wire, which depends on neither side and on nothing but the JDK and Jackson. Checked on the compiled
 * classes: a class name anywhere in a class file's constant pool, in internal (a/b/C) or binary (a.b.C) form, shows up
 * as bytes.
 */
class ClientIsolationTest {

    private static final Path CLASSES = Path.of("target", "classes", "org", "openmaf");
    private static final Pattern OPENMAF_REFERENCE = Pattern.compile("org[/.]openmaf[/.]([A-Za-z0-9_$]+)");
    /** Frameworks of the server side the wire vocabulary must not pull into the client jar. */
    private static final Pattern SERVER_FRAMEWORK = Pattern.compile(
            "(io|jakarta|javax|org)[/.](quarkus|vertx|ws|inject|persistence|enterprise|eclipse[/.]microprofile|hibernate|jboss"
                    + "|bouncycastle)[/.]");
    private static final Path WIRE = CLASSES.resolve("wire");

    @Test
    void clientClassesReferenceNoOtherOpenmafPackage() {
        List<String> violations = new ArrayList<>();
        List<Path> clientClasses = classFiles(CLASSES.resolve("client"));
        for (Path file : clientClasses) {
            for (String segment : referencedOpenmafSegments(file)) {
                if (!segment.equals("client") && !segment.equals("wire")) {
                    violations.add(file + " -> org/openmaf/" + segment);
                }
            }
        }
        assertThat(clientClasses).as("compiled client classes").hasSizeGreaterThan(10);
        assertThat(violations).isEmpty();
    }

    @Test
    void theWireVocabularyReferencesNeitherClientNorServer() {
        List<String> violations = new ArrayList<>();
        List<Path> wireClasses = classFiles(WIRE);
        for (Path file : wireClasses) {
            for (String segment : referencedOpenmafSegments(file)) {
                if (!segment.equals("wire")) {
                    violations.add(file + " -> org/openmaf/" + segment);
                }
            }
            Matcher framework = SERVER_FRAMEWORK.matcher(constantPool(file));
            while (framework.find()) {
                violations.add(file + " -> " + framework.group());
            }
        }
        assertThat(wireClasses).as("compiled wire classes").extracting(file -> file.getFileName().toString())
                .contains("MafNames.class", "M2mTimestamp.class", "KeyIdentifier.class", "ConnectionKeys.class",
                        "ClientId.class", "Fqdn.class");
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanSeesReferencesToServerPackagesAndFrameworks() {
        // Guards the scan itself: a server class is known to reference wire and Quarkus in its constant pool.
        Path strictJson = CLASSES.resolve("onem2m").resolve("StrictJson.class");
        assertThat(referencedOpenmafSegments(strictJson)).contains("wire");
        assertThat(SERVER_FRAMEWORK.matcher(constantPool(strictJson)).find()).isTrue();
    }

    @Test
    void noTwoTopLevelClassesShareAName() {
        // One type per concept (issue 8): two public ClientRegistration classes in one artifact were one too many.
        Map<String, List<Path>> byName = classFiles(CLASSES).stream()
                .filter(file -> !file.getFileName().toString().contains("$"))
                .filter(file -> !file.getFileName().toString().equals("package-info.class"))
                .collect(Collectors.groupingBy(file -> file.getFileName().toString()));
        assertThat(byName).as("top-level classes").hasSizeGreaterThan(50);
        assertThat(byName.values()).filteredOn(files -> files.size() > 1).isEmpty();
    }

    @Test
    void serverClassesDoNotReferenceTheClient() {
        List<String> violations = new ArrayList<>();
        List<Path> serverClasses = classFiles(CLASSES).stream().filter(file -> !file.startsWith(CLASSES.resolve("client")))
                .filter(file -> !file.startsWith(WIRE)).toList();
        for (Path file : serverClasses) {
            if (referencedOpenmafSegments(file).contains("client")) {
                violations.add(file.toString());
            }
        }
        assertThat(serverClasses).as("compiled server classes").isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** The first package segment after org/openmaf/ of every reference in the class file. */
    static List<String> referencedOpenmafSegments(Path classFile) {
        List<String> segments = new ArrayList<>();
        Matcher matcher = OPENMAF_REFERENCE.matcher(constantPool(classFile));
        while (matcher.find()) {
            segments.add(matcher.group(1));
        }
        return segments;
    }

    private static String constantPool(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> classFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
