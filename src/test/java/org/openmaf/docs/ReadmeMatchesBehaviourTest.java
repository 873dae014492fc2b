package org.openmaf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openmaf.audit.AuditedProcedure;
import org.openmaf.audit.Procedure;
import org.openmaf.config.MafConfig;
import org.openmaf.keys.KeyRegistrationResource;
import org.openmaf.keys.KeyRegistrationService;
import org.openmaf.registration.ClientRegistrationResource;
import org.openmaf.registration.RegistrationService;

/** README and behaviour drift apart only if this test fails: configuration keys, the procedure table, the commands. */
class ReadmeMatchesBehaviourTest {

    private static final Path README = Path.of("README.md");

    @Test
    void everyConfigurationKeyTheMafReadsIsDocumentedAndNoOtherIs() throws IOException {
        String readme = Files.readString(README);
        Set<String> documented = new TreeSet<>();
        Matcher keys = Pattern.compile("`(maf\\.[a-z.\\-]+)(?:\"<[^>]+>\"\\.?([a-z\\-]*))?`").matcher(readme);
        while (keys.find()) {
            String key = keys.group(1).endsWith(".") ? keys.group(1).substring(0, keys.group(1).length() - 1) : keys.group(1);
            documented.add(key + (keys.group(2) == null ? "" : "*" + (keys.group(2).isEmpty() ? "" : "." + keys.group(2))));
        }
        Set<String> read = new TreeSet<>();
        collect("maf", MafConfig.class, read);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(read);
    }

    @Test
    void theProcedureTableListsExactlyTheProceduresServed() throws IOException {
        String readme = Files.readString(README);
        Set<String> documented = new TreeSet<>();
        Matcher rows = Pattern.compile("\\| `(GET|POST|PUT|DELETE) (/maf/[^`]+)`").matcher(readme);
        while (rows.find()) {
            documented.add(rows.group(1) + " " + rows.group(2).replaceAll("\\{[^}]+}", "{}"));
        }
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : List.of(ClientRegistrationResource.class, KeyRegistrationResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                httpMethodOf(method).ifPresent(http -> served.add(http + " " + (resource.getAnnotation(jakarta.ws.rs.Path.class).value()
                        + (method.isAnnotationPresent(jakarta.ws.rs.Path.class)
                                ? "/" + method.getAnnotation(jakarta.ws.rs.Path.class).value() : "")).replaceAll("\\{[^}]+}", "{}")));
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
        // One row per procedure, and every procedure is run (and so audited) by exactly one service method.
        List<Procedure> procedures = Arrays.stream(Procedure.values()).filter(p -> p != Procedure.OTHER_MAF_REQUEST).toList();
        assertThat(served).hasSameSizeAs(procedures);
        List<Procedure> run = new ArrayList<>();
        for (Class<?> service : List.of(RegistrationService.class, KeyRegistrationService.class)) {
            for (Method method : service.getDeclaredMethods()) {
                if (method.isAnnotationPresent(AuditedProcedure.class)) {
                    run.add(method.getAnnotation(AuditedProcedure.class).value());
                }
            }
        }
        assertThat(run).containsExactlyInAnyOrderElementsOf(procedures);
    }

    private static java.util.Optional<String> httpMethodOf(Method method) {
        return Arrays.stream(method.getAnnotations()).map(a -> a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class))
                .filter(java.util.Objects::nonNull).map(jakarta.ws.rs.HttpMethod::value).findFirst();
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        assertThat(Files.readString(README)).contains("./mvnw quarkus:dev", "./mvnw verify");
        assertThat(Files.readString(Path.of(".ci", "run"))).containsPattern("(?m)^\\./mvnw verify$");
    }

    /** The keys a @ConfigMapping interface reads: kebab-case names, maps as "prefix*", nested groups recursively. */
    static void collect(String prefix, Class<?> group, Set<String> keys) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.isDefault() || method.isSynthetic() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String key = prefix + "." + method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            Class<?> type = method.getReturnType();
            if (java.util.Map.class.isAssignableFrom(type)) {
                var valueType = ((java.lang.reflect.ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[1];
                if (valueType instanceof Class<?> valueClass && valueClass.isInterface()) {
                    Set<String> nested = new TreeSet<>();
                    collect("", valueClass, nested);
                    nested.forEach(n -> keys.add(key + "*" + n));
                } else {
                    keys.add(key + "*");
                }
            } else if (type.isInterface() && type.getName().startsWith("org.openmaf")) {
                collect(key, type, keys);
            } else {
                keys.add(key);
            }
        }
    }
}
