package org.openmaf.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package structure, checked on the compiled classes (every class a class file names, in its constant pool):
 * dependencies point one way ({@code admin -> keys -> registration -> (crypto, audit, tls) -> onem2m}; {@code dev}
 * plugs into {@code config}), and each package owns the writes to its entities.
 */
class PackageDependenciesTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final String ROOT = "org/openmaf/";
    private static final String ENTITY = "Ljakarta/persistence/Entity;";
    /** Panache's writes; a class outside the entity's package must ask that package instead. */
    private static final Set<String> WRITES = Set.of("persist", "persistAndFlush", "delete", "deleteAll", "deleteById",
            "update");

    private static final Map<String, ClassModel> MODELS = load();

    @Test
    void noPackageCycle() {
        Map<String, Set<String>> graph = dependencies();
        assertThat(graph.keySet()).as("packages found").contains("org.openmaf.admin", "org.openmaf.keys",
                "org.openmaf.registration", "org.openmaf.config", "org.openmaf.dev");
        assertThat(cycles(graph)).isEmpty();
    }

    @Test
    void layersPointOneWay() {
        Map<String, Set<String>> graph = dependencies();
        assertThat(graph.get("org.openmaf.registration")).doesNotContain("org.openmaf.keys", "org.openmaf.admin");
        assertThat(graph.get("org.openmaf.keys")).doesNotContain("org.openmaf.admin").contains("org.openmaf.registration");
        assertThat(graph.get("org.openmaf.config")).doesNotContain("org.openmaf.dev");
        // The shared vocabulary sits below everything, server and client alike.
        assertThat(graph.get("org.openmaf.wire")).as("org.openmaf.wire").isEmpty();
        for (String low : List.of("org.openmaf.crypto", "org.openmaf.audit", "org.openmaf.tls", "org.openmaf.onem2m")) {
            assertThat(graph.getOrDefault(low, Set.of())).as(low).doesNotContain("org.openmaf.admin", "org.openmaf.keys",
                    "org.openmaf.registration");
        }
    }

    @Test
    void onlyAnEntitysOwnPackageWritesIt() {
        Set<String> entities = new TreeSet<>();
        MODELS.forEach((name, model) -> {
            if (isEntity(model)) {
                entities.add(name);
            }
        });
        assertThat(entities).as("entities found").contains("org/openmaf/keys/KeyRegistration",
                "org/openmaf/registration/Stakeholder", "org/openmaf/tls/CertificateBinding");
        List<String> violations = new ArrayList<>();
        MODELS.forEach((name, model) -> model.methods().forEach(method -> method.code().ifPresent(code -> code.forEach(element -> {
            String owner = null;
            String what = null;
            if (element instanceof InvokeInstruction call && WRITES.contains(call.name().stringValue())) {
                owner = call.owner().asInternalName();
                what = call.name().stringValue() + "()";
            } else if (element instanceof FieldInstruction field && field.opcode() == Opcode.PUTFIELD) {
                owner = field.owner().asInternalName();
                what = "field " + field.name().stringValue();
            }
            if (owner != null && entities.contains(owner) && !packageOf(owner).equals(packageOf(name))) {
                violations.add(name + "." + method.methodName().stringValue() + " writes " + owner + ": " + what);
            }
        }))));
        assertThat(violations).isEmpty();
    }

    /** Main package (org.openmaf.x.y) to the other org.openmaf packages its classes name. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> graph = new TreeMap<>();
        MODELS.forEach((name, model) -> {
            String from = packageOf(name);
            Set<String> to = graph.computeIfAbsent(from, any -> new TreeSet<>());
            for (var entry : model.constantPool()) {
                if (entry instanceof ClassEntry type) {
                    String referenced = type.asInternalName().replaceFirst("^\\[*L?", "").replace(";", "");
                    if (referenced.startsWith(ROOT) && !packageOf(referenced).equals(from)) {
                        to.add(packageOf(referenced));
                    }
                }
            }
            // Descriptors and signatures name types outside ClassEntry too (field types, parameters).
            for (var entry : model.constantPool()) {
                if (entry instanceof java.lang.classfile.constantpool.Utf8Entry text) {
                    var matcher = java.util.regex.Pattern.compile("L(org/openmaf/[A-Za-z0-9_/$]+);").matcher(text.stringValue());
                    while (matcher.find()) {
                        String referenced = packageOf(matcher.group(1));
                        if (!referenced.equals(from)) {
                            to.add(referenced);
                        }
                    }
                }
            }
        });
        return graph;
    }

    /** Every package that lies on a cycle, with the cycle through it. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> path = pathBack(graph, start);
            if (path != null) {
                found.add(String.join(" -> ", path));
            }
        }
        return found;
    }

    /** A path from start back to start, if one exists (breadth-first, so it is a shortest one). */
    private static List<String> pathBack(Map<String, Set<String>> graph, String start) {
        Map<String, String> cameFrom = new TreeMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String node : frontier) {
                for (String neighbour : graph.getOrDefault(node, Set.of())) {
                    if (neighbour.equals(start)) {
                        LinkedHashSet<String> path = new LinkedHashSet<>();
                        for (String step = node; step != null && !step.equals(start); step = cameFrom.get(step)) {
                            path.add(step);
                        }
                        List<String> ordered = new ArrayList<>(List.of(start));
                        List<String> middle = new ArrayList<>(path);
                        java.util.Collections.reverse(middle);
                        ordered.addAll(middle);
                        ordered.add(start);
                        return ordered;
                    }
                    if (!cameFrom.containsKey(neighbour) && !neighbour.equals(start)) {
                        cameFrom.put(neighbour, node);
                        next.add(neighbour);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(graph)).contains("a -> b -> c -> a").noneMatch(cycle -> cycle.startsWith("d"));
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }

    private static boolean isEntity(ClassModel model) {
        return model.findAttribute(Attributes.runtimeVisibleAnnotations()).stream()
                .flatMap(annotations -> annotations.annotations().stream())
                .anyMatch(annotation -> annotation.className().stringValue().equals(ENTITY));
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
    }

    private static Map<String, ClassModel> load() {
        Map<String, ClassModel> models = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve(ROOT))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
                models.put(model.thisClass().asInternalName(), model);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }
}
