package org.openmaf.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The client ships alone (target/maf-client.jar holds only org/openmaf/client/**), so it must not use server classes,
 * and the server must not depend on the client. Checked on the compiled classes: a class name anywhere in a class file's
 * constant pool, in internal (a/b/C) or binary (a.b.C) form, shows up as bytes.
 */
class ClientIsolationTest {

    private static final Path CLASSES = Path.of("target", "classes", "org", "openmaf");
    private static final Pattern OPENMAF_REFERENCE = Pattern.compile("org[/.]openmaf[/.]([A-Za-z0-9_$]+)");

    @Test
    void clientClassesReferenceNoOtherOpenmafPackage() {
        List<String> violations = new ArrayList<>();
        List<Path> clientClasses = classFiles(CLASSES.resolve("client"));
        for (Path file : clientClasses) {
            for (String segment : referencedOpenmafSegments(file)) {
                if (!segment.equals("client")) {
                    violations.add(file + " -> org/openmaf/" + segment);
                }
            }
        }
        assertThat(clientClasses).as("compiled client classes").hasSizeGreaterThan(10);
        assertThat(violations).isEmpty();
    }

    @Test
    void serverClassesDoNotReferenceTheClient() {
        List<String> violations = new ArrayList<>();
        List<Path> serverClasses = classFiles(CLASSES).stream().filter(file -> !file.startsWith(CLASSES.resolve("client"))).toList();
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
        try {
            String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            List<String> segments = new ArrayList<>();
            Matcher matcher = OPENMAF_REFERENCE.matcher(bytes);
            while (matcher.find()) {
                segments.add(matcher.group(1));
            }
            return segments;
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
