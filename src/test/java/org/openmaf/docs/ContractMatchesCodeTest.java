package org.openmaf.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.Rsc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.smallrye.config.WithDefault;

/**
 * openapi/MAF-CONTRACT.md is the contract clients and operators code against; this test fails when the code drifts
 * from it: a path or status it promises that the service does not serve, a configuration key it names that the MAF does
 * not read (or a required one it does not name), an RSC it names that the MAF does not have or maps otherwise.
 * <p>
 * What is served is read from openapi/openapi.yaml, which {@code OpenApiDocumentTest} holds equal to the document the
 * running service serves; so this test needs no server and sees every endpoint the build has, including ones added
 * after this test was written.
 */
class ContractMatchesCodeTest {

    static final Path CONTRACT = Path.of("openapi", "MAF-CONTRACT.md");
    static final Path OPENAPI = Path.of("openapi", "openapi.yaml");
    /** Contract section 8 (PSK): its paths and its maf.psk.* keys come together, in one change. */
    static final String PSK_PATHS = "/admin/psk-credentials";
    static final String PSK_KEYS = "maf.psk.";

    private static final Pattern OPERATION = Pattern.compile("`(GET|POST|PUT|DELETE) (/(?:maf|admin)/(?:[^`\\s{]|\\{[^}]*})*)`");
    /** A row of the procedure table: `METHOD /path` | 201, RSC 2001 ... */
    private static final Pattern TABLE_ROW = Pattern.compile(
            "\\| `(GET|POST|PUT|DELETE) (/maf/[^`]+)` \\| (\\d{3}), (?:RSC )?(\\d{4})");
    private static final Pattern RSC_CODE = Pattern.compile("(?<![\\d.])(200[0-4]|4[01]\\d\\d|5[0-2]\\d\\d)(?!\\d)");
    private static final Pattern STATUS_WITH_RSC = Pattern.compile("(?<!\\d)(\\d{3}) (?:/|with) (?:RSC )?(\\d{4})(?!\\d)");
    private static final Pattern RSC_WITH_NAME = Pattern.compile("(?<!\\d)(\\d{4})\\s+([A-Z][A-Z_]{3,})\\b");

    private static String contract;
    private static JsonNode paths;

    @BeforeAll
    static void read() throws IOException {
        contract = Files.readString(CONTRACT);
        paths = new ObjectMapper(new YAMLFactory()).readTree(OPENAPI.toFile()).get("paths");
    }

    @Test
    void everyOperationTheContractNamesIsServed() {
        Set<String> named = contractOperations();
        assertThat(named).as("operations the contract names").hasSizeGreaterThanOrEqualTo(11);
        Set<String> served = servedOperations();
        Set<String> pending = pskSectionPending(served) ? withPrefix(named, PSK_PATHS) : Set.of();
        Set<String> required = new TreeSet<>(named);
        required.removeAll(pending);
        assertThat(served).as("operations in " + OPENAPI).containsAll(required);
    }

    @Test
    void theMafInterfaceIsExactlyTheContractsProcedureTable() {
        Set<String> table = new TreeSet<>();
        Matcher rows = TABLE_ROW.matcher(contract);
        while (rows.find()) {
            table.add(rows.group(1) + " " + normalize(rows.group(2)));
        }
        Set<String> servedMaf = new TreeSet<>(servedOperations().stream().filter(o -> o.contains(" /maf/")).toList());
        assertThat(table).hasSize(9).containsExactlyInAnyOrderElementsOf(servedMaf);
    }

    /** Each row's success status and RSC: the HTTP status the OpenAPI document answers with, and Rsc maps them so. */
    @Test
    void eachProcedureAnswersWithTheStatusAndRscTheContractPromises() {
        Matcher rows = TABLE_ROW.matcher(contract);
        int checked = 0;
        while (rows.find()) {
            int status = Integer.parseInt(rows.group(3));
            int rsc = Integer.parseInt(rows.group(4));
            JsonNode responses = operation(rows.group(1), normalize(rows.group(2))).get("responses");
            assertThat(responses.has(String.valueOf(status))).as(rows.group() + ": documented answer " + status).isTrue();
            assertThat(responses.get(String.valueOf(status)).get("description").asText()).as(rows.group())
                    .contains("X-M2M-RSC " + rsc);
            assertThat(rsc(rsc).httpStatus()).as("RSC " + rsc + " maps to HTTP " + status).isEqualTo(status);
            checked++;
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void everyRscTheContractNamesIsOneTheMafHasWithTheSameStatusAndName() {
        Matcher codes = RSC_CODE.matcher(contract);
        Set<Integer> named = new TreeSet<>();
        while (codes.find()) {
            named.add(Integer.parseInt(codes.group(1)));
        }
        assertThat(named).as("RSCs the contract names").contains(2001, 4000, 4004, 4103, 4105, 4106, 5000);
        named.forEach(ContractMatchesCodeTest::rsc);

        Matcher pairs = STATUS_WITH_RSC.matcher(contract);
        int pairCount = 0;
        while (pairs.find()) {
            assertThat(rsc(Integer.parseInt(pairs.group(2))).httpStatus()).as(pairs.group())
                    .isEqualTo(Integer.parseInt(pairs.group(1)));
            pairCount++;
        }
        assertThat(pairCount).as("'status / RSC' pairs in the contract").isGreaterThanOrEqualTo(5);

        Matcher names = RSC_WITH_NAME.matcher(contract);
        int nameCount = 0;
        while (names.find()) {
            int code = Integer.parseInt(names.group(1));
            if (RSC_CODE.matcher(names.group(1)).matches()) {
                assertThat(rsc(code).name()).as(names.group()).isEqualTo(names.group(2));
                nameCount++;
            }
        }
        assertThat(nameCount).as("RSCs named with their name").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyConfigurationKeyTheContractNamesIsReadByTheMaf() {
        Set<String> named = contractKeys();
        assertThat(named).as("maf.* keys the contract names").contains("maf.fqdn", "maf.crypto.kek",
                "maf.stakeholders*.authorized-clients");
        Set<String> read = new TreeSet<>();
        ReadmeMatchesBehaviourTest.collect("maf", MafConfig.class, read);
        Set<String> required = new TreeSet<>(named);
        if (pskSectionPending(servedOperations())) {
            required.removeIf(key -> key.startsWith(PSK_KEYS));
        }
        assertThat(read).as("keys org.openmaf.config.MafConfig reads").containsAll(required);
    }

    /**
     * The other way round: a setting without which the MAF does not start is one the contract's configuration section
     * names, so an operator reading the contract can configure a MAF that starts.
     */
    @Test
    void everyKeyTheMafRequiresIsInTheContractsConfigurationSection() {
        String section5 = contract.substring(contract.indexOf("## 5. "), contract.indexOf("## 6. "));
        Set<String> inSection5 = keysIn(section5);
        Set<String> requiredKeys = new TreeSet<>();
        collectRequired("maf", MafConfig.class, requiredKeys);
        assertThat(requiredKeys).as("required keys of MafConfig").contains("maf.fqdn", "maf.crypto.kek");
        assertThat(inSection5).containsAll(requiredKeys);
    }

    /**
     * Contract section 8 (PSK) is implemented in one change: its admin paths and its maf.psk.* settings arrive
     * together. Until then neither may exist; once one does, everything the section names must.
     */
    private static boolean pskSectionPending(Set<String> served) {
        boolean pathsServed = served.stream().anyMatch(o -> o.contains(" " + PSK_PATHS));
        Set<String> read = new TreeSet<>();
        ReadmeMatchesBehaviourTest.collect("maf", MafConfig.class, read);
        boolean keysRead = read.stream().anyMatch(k -> k.startsWith(PSK_KEYS));
        assertThat(keysRead).as("section 8: maf.psk.* settings read exactly when " + PSK_PATHS + " is served")
                .isEqualTo(pathsServed);
        return !pathsServed;
    }

    private static Set<String> contractOperations() {
        Set<String> operations = new TreeSet<>();
        Matcher matcher = OPERATION.matcher(contract);
        while (matcher.find()) {
            String path = matcher.group(2);
            // "/admin/psk-credentials[/{kmID}]": the path with and without the optional part
            Matcher optional = Pattern.compile("\\[([^]]+)]").matcher(path);
            if (optional.find()) {
                operations.add(matcher.group(1) + " " + normalize(optional.replaceAll("")));
                operations.add(matcher.group(1) + " " + normalize(optional.replaceAll("$1")));
            } else {
                operations.add(matcher.group(1) + " " + normalize(path));
            }
        }
        return operations;
    }

    private static Set<String> servedOperations() {
        Set<String> operations = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "delete").contains(method)) {
                operations.add(method.toUpperCase() + " " + normalize(path));
            }
        }));
        return operations;
    }

    private static JsonNode operation(String method, String normalizedPath) {
        Map<String, JsonNode> byPath = new TreeMap<>();
        paths.fieldNames().forEachRemaining(path -> byPath.put(normalize(path), paths.get(path)));
        assertThat(byPath).containsKey(normalizedPath);
        JsonNode operation = byPath.get(normalizedPath).get(method.toLowerCase());
        assertThat(operation).as(method + " " + normalizedPath).isNotNull();
        return operation;
    }

    private static Set<String> contractKeys() {
        return keysIn(contract);
    }

    /** `maf.x.y` and `maf.map."<name>".z` as ReadmeMatchesBehaviourTest spells them: maf.x.y, maf.map*.z */
    private static Set<String> keysIn(String text) {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = Pattern.compile("`(maf\\.[a-z.\\-]+)(?:\"<[^>]+>\"\\.?([a-z\\-]*))?`").matcher(text);
        while (matcher.find()) {
            String key = matcher.group(1).endsWith(".") ? matcher.group(1).substring(0, matcher.group(1).length() - 1)
                    : matcher.group(1);
            keys.add(key + (matcher.group(2) == null ? "" : "*" + (matcher.group(2).isEmpty() ? "" : "." + matcher.group(2))));
        }
        return keys;
    }

    /** Keys without a default that are not optional: the MAF does not start without them. */
    private static void collectRequired(String prefix, Class<?> group, Set<String> keys) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.isDefault() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())
                    || method.isAnnotationPresent(WithDefault.class) || method.getReturnType() == Optional.class) {
                continue;
            }
            String key = prefix + "." + method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            Class<?> type = method.getReturnType();
            if (Map.class.isAssignableFrom(type)) {
                var valueType = ((java.lang.reflect.ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[1];
                if (valueType instanceof Class<?> valueClass && valueClass.isInterface()) {
                    List<String> nested = new ArrayList<>();
                    Set<String> inner = new TreeSet<>();
                    collectRequired("", valueClass, inner);
                    inner.forEach(n -> nested.add(key + "*" + n));
                    keys.addAll(nested);
                }
                // a map of plain values may be empty: not required
            } else if (type.isInterface() && type.getName().startsWith("org.openmaf")) {
                collectRequired(key, type, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static Rsc rsc(int code) {
        for (Rsc rsc : Rsc.values()) {
            if (rsc.code() == code) {
                return rsc;
            }
        }
        throw new AssertionError("The contract names RSC " + code + ", which org.openmaf.onem2m.Rsc does not have");
    }

    private static Set<String> withPrefix(Set<String> operations, String pathPrefix) {
        Set<String> matching = new TreeSet<>();
        operations.stream().filter(o -> o.substring(o.indexOf(' ') + 1).startsWith(pathPrefix)).forEach(matching::add);
        return matching;
    }

    private static String normalize(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
