package org.openmaf.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * What every manifest under deploy/ must keep (issue 11, contract section 9): several replicas, health probes on the
 * management port, secrets only by reference, TLS passed through to the MAF (never terminated in front of it, which
 * would break the client identity and the exporter), pinned image tags, a synchronous database replica, and no
 * credential on a command line. Each check returns what it found wrong, one sentence per violation, so a test can
 * show both that the shipped manifests are clean and that a bad one is caught.
 */
final class DeploymentRules {

    static final int MANAGEMENT_PORT = 9000;
    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";

    /** Names of settings that hold a secret (the KEK, a password, a private key, a token); *_ID names the KEK only. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEK|PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE|KEY).*");
    private static final Pattern NOT_SECRET_NAME = Pattern.compile("(?i).*(_ID|-ID|\\.ID)$");
    /** A placeholder in a Secret shipped as a template: <...>, ${...}, CHANGE_ME, REPLACE..., or empty. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^\\s*(|<[^>]*>|\\$\\{[^}]*}|change[_-]?me.*|replace.*)\\s*$");
    /** Words that must never appear on a systemd ExecStart line: its command line is readable by every local user. */
    private static final Pattern CREDENTIAL_WORD = Pattern.compile("(?i)(kek|password|passwd|secret|token|private)");

    private static final YAMLMapper YAML = new YAMLMapper();

    private DeploymentRules() {
    }

    /** Every YAML document of a file (Kubernetes manifests often hold several, separated by ---). */
    static List<JsonNode> documents(String yaml) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Kubernetes
    // ---------------------------------------------------------------------------------------------------------------

    static List<String> kubernetes(List<JsonNode> documents) {
        List<String> violations = new ArrayList<>();
        for (JsonNode document : documents) {
            String kind = document.path("kind").asText();
            String where = kind + " " + document.path("metadata").path("name").asText("?");
            violations.addAll(pinnedImages(where, document));
            switch (kind) {
                case "Deployment", "StatefulSet" -> violations.addAll(workload(where, document));
                case "Secret" -> violations.addAll(secretHoldsOnlyPlaceholders(where, document));
                case "ConfigMap" -> violations.addAll(noSecretValues(where, fields(document.path("data"))));
                case "Ingress" -> violations.add(where + ": an Ingress terminates TLS in front of the MAF; use a LoadBalancer Service (TCP passthrough)");
                case "HTTPRoute", "GRPCRoute" -> violations.add(where + ": an HTTP-level route terminates TLS in front of the MAF; use a TLSRoute in passthrough mode");
                case "Gateway" -> violations.addAll(gatewayPassesTlsThrough(where, document));
                case "Service" -> violations.addAll(managementPortNotPublic(where, document));
                case "Cluster" -> violations.addAll(synchronousReplica(where, document));
                default -> {
                }
            }
        }
        return violations;
    }

    private static List<String> workload(String where, JsonNode workload) {
        List<String> violations = new ArrayList<>();
        if (workload.path("spec").path("replicas").asInt(1) < 2) {
            violations.add(where + ": replicas must be at least 2, is " + workload.path("spec").path("replicas").asText("absent (1)"));
        }
        for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
            String in = where + " container " + container.path("name").asText("?");
            violations.addAll(probe(in, "readinessProbe", READY, container));
            violations.addAll(probe(in, "livenessProbe", LIVE, container));
            JsonNode startup = container.path("startupProbe").path("httpGet");
            if (!startup.isMissingNode() && containerPort(container, startup.path("port")) != MANAGEMENT_PORT) {
                violations.add(in + ": startupProbe on port " + startup.path("port").asText() + ", not the management port " + MANAGEMENT_PORT);
            }
            for (JsonNode env : container.path("env")) {
                if (env.has("value")) {
                    violations.addAll(noSecretValues(in + " env", Map.of(env.path("name").asText(), env.path("value").asText())));
                }
            }
        }
        return violations;
    }

    private static List<String> probe(String where, String probe, String path, JsonNode container) {
        JsonNode get = container.path(probe).path("httpGet");
        if (get.isMissingNode()) {
            return List.of(where + ": no " + probe + " over HTTP on the management port");
        }
        List<String> violations = new ArrayList<>();
        if (containerPort(container, get.path("port")) != MANAGEMENT_PORT) {
            violations.add(where + ": " + probe + " on port " + get.path("port").asText() + ", not the management port " + MANAGEMENT_PORT);
        }
        if (!path.equals(get.path("path").asText())) {
            violations.add(where + ": " + probe + " on " + get.path("path").asText() + ", not " + path);
        }
        return violations;
    }

    /** A probe's port is a number or the name of one of the container's ports. */
    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return -1;
    }

    private static List<String> secretHoldsOnlyPlaceholders(String where, JsonNode secret) {
        List<String> violations = new ArrayList<>();
        for (String section : List.of("data", "stringData")) {
            fields(secret.path(section)).forEach((name, value) -> {
                if (!PLACEHOLDER.matcher(value).matches()) {
                    violations.add(where + ": " + section + "." + name + " holds a value; ship Secrets without data, or with placeholders only");
                }
            });
        }
        return violations;
    }

    private static List<String> gatewayPassesTlsThrough(String where, JsonNode gateway) {
        List<String> violations = new ArrayList<>();
        for (JsonNode listener : gateway.path("spec").path("listeners")) {
            String protocol = listener.path("protocol").asText();
            String mode = listener.path("tls").path("mode").asText("Terminate");
            if (protocol.equals("HTTPS") || (protocol.equals("TLS") && !mode.equals("Passthrough"))) {
                violations.add(where + ": listener " + listener.path("name").asText("?") + " terminates TLS (" + protocol + ", " + mode + "); use protocol TLS with tls.mode Passthrough");
            }
        }
        return violations;
    }

    private static List<String> managementPortNotPublic(String where, JsonNode service) {
        String type = service.path("spec").path("type").asText("ClusterIP");
        if (!type.equals("LoadBalancer") && !type.equals("NodePort")) {
            return List.of();
        }
        List<String> violations = new ArrayList<>();
        for (JsonNode port : service.path("spec").path("ports")) {
            if (port.path("port").asInt() == MANAGEMENT_PORT || port.path("targetPort").asText().equals("management")
                    || port.path("targetPort").asInt() == MANAGEMENT_PORT) {
                violations.add(where + ": a " + type + " Service exposes the management port");
            }
        }
        return violations;
    }

    /** CloudNativePG: a commit waits for one synchronous standby, so an acknowledged key survives the primary's loss. */
    private static List<String> synchronousReplica(String where, JsonNode cluster) {
        if (!cluster.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
            return List.of();
        }
        JsonNode spec = cluster.path("spec");
        List<String> violations = new ArrayList<>();
        if (spec.path("instances").asInt(1) < 2) {
            violations.add(where + ": a PostgreSQL cluster needs at least 2 instances for a synchronous replica");
        }
        boolean synchronous = spec.path("minSyncReplicas").asInt(0) >= 1 && spec.path("maxSyncReplicas").asInt(0) >= 1
                || spec.path("postgresql").path("synchronous").path("number").asInt(0) >= 1;
        if (!synchronous) {
            violations.add(where + ": no synchronous replica (minSyncReplicas/maxSyncReplicas >= 1): an acknowledged key could be lost with the primary");
        }
        return violations;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Compose
    // ---------------------------------------------------------------------------------------------------------------

    static List<String> compose(JsonNode compose) {
        List<String> violations = new ArrayList<>();
        compose.path("services").properties().forEach(entry -> {
            String where = "service " + entry.getKey();
            JsonNode service = entry.getValue();
            violations.addAll(pinnedImages(where, service));
            violations.addAll(noSecretValues(where + " environment", environment(service.path("environment"))));
            for (JsonNode port : service.path("ports")) {
                int target = port.isObject() ? port.path("target").asInt() : targetOf(port.asText());
                if (target == MANAGEMENT_PORT) {
                    violations.add(where + ": publishes the management port " + MANAGEMENT_PORT);
                }
            }
        });
        return violations;
    }

    /** Compose's environment: a map, or a list of NAME=value. */
    private static Map<String, String> environment(JsonNode environment) {
        if (!environment.isArray()) {
            return fields(environment);
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (JsonNode entry : environment) {
            String[] nameValue = entry.asText().split("=", 2);
            values.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
        }
        return values;
    }

    /** "8443", "8443:8443", "127.0.0.1:9000:9000/tcp": the container port is the last one. */
    private static int targetOf(String port) {
        String[] parts = port.replaceAll("/.*$", "").split(":");
        return Integer.parseInt(parts[parts.length - 1].replaceAll("-.*$", ""));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // systemd
    // ---------------------------------------------------------------------------------------------------------------

    static List<String> systemdUnit(String unit) {
        List<String> violations = new ArrayList<>();
        Map<String, List<String>> service = section(unit, "Service");
        for (String execStart : service.getOrDefault("ExecStart", List.of())) {
            Matcher word = CREDENTIAL_WORD.matcher(execStart);
            if (word.find()) {
                violations.add("ExecStart names a credential (" + word.group() + "): every local user can read a command line; use LoadCredential=");
            }
        }
        if (service.getOrDefault("ExecStart", List.of()).isEmpty()) {
            violations.add("no ExecStart");
        }
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        for (String assignment : service.getOrDefault("Environment", List.of())) {
            String[] nameValue = assignment.replace("\"", "").split("=", 2);
            environment.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
        }
        violations.addAll(noSecretValues("Environment=", environment));
        String user = last(service, "User");
        if (user == null || user.equals("root") || user.equals("0")) {
            violations.add("runs as " + (user == null ? "root (no User=)" : user) + "; give the MAF a user of its own");
        }
        expect(violations, service, "NoNewPrivileges", "yes");
        expect(violations, service, "ProtectSystem", "strict");
        if (service.getOrDefault("LoadCredential", List.of()).isEmpty()) {
            violations.add("no LoadCredential=: the KEK and keys must come as credentials");
        }
        return violations;
    }

    /** An EnvironmentFile (NAME=value lines) holds settings, not secrets. */
    static List<String> environmentFile(String file) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : file.lines().map(String::strip).toList()) {
            if (!line.isEmpty() && !line.startsWith("#") && line.contains("=")) {
                String[] nameValue = line.split("=", 2);
                values.put(nameValue[0].strip(), nameValue[1].strip());
            }
        }
        return noSecretValues("environment file", values);
    }

    private static Map<String, List<String>> section(String unit, String name) {
        Map<String, List<String>> settings = new java.util.LinkedHashMap<>();
        String current = "";
        for (String line : unit.lines().map(String::strip).toList()) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1);
            } else if (current.equals(name) && !line.isEmpty() && !line.startsWith("#") && line.contains("=")) {
                String[] keyValue = line.split("=", 2);
                settings.computeIfAbsent(keyValue[0].strip(), key -> new ArrayList<>()).add(keyValue[1].strip());
            }
        }
        return settings;
    }

    private static String last(Map<String, List<String>> section, String key) {
        List<String> values = section.getOrDefault(key, List.of());
        return values.isEmpty() ? null : values.getLast();
    }

    private static void expect(List<String> violations, Map<String, List<String>> service, String key, String value) {
        if (!value.equals(last(service, key))) {
            violations.add(key + "=" + value + " missing (is " + last(service, key) + ")");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Container image
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The image: a pinned base, the packaged application (target/quarkus-app/), the production profile, and a user other
     * than root at run time.
     */
    static List<String> dockerfile(String dockerfile) {
        List<String> violations = new ArrayList<>();
        List<String> instructions = dockerfile.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String from : instructions.stream().filter(line -> line.startsWith("FROM ")).toList()) {
            String image = from.substring(5).strip().split("\\s+")[0];
            String lastSegment = image.substring(image.lastIndexOf('/') + 1);
            if (!lastSegment.contains(":") && !image.contains("@sha256:") || lastSegment.endsWith(":latest")) {
                violations.add("base image " + image + " is not pinned to a release");
            }
        }
        String user = instructions.stream().filter(line -> line.startsWith("USER ")).reduce((first, second) -> second)
                .map(line -> line.substring(5).strip().split(":")[0]).orElse("root");
        if (user.equals("root") || user.equals("0")) {
            violations.add("runs as root; the last USER must name another user");
        }
        if (instructions.stream().noneMatch(line -> line.startsWith("COPY") && line.contains("target/quarkus-app/"))) {
            violations.add("does not copy the packaged application target/quarkus-app/");
        }
        if (instructions.stream().noneMatch(line -> line.contains("QUARKUS_PROFILE=prod"))) {
            violations.add("does not set the production profile (QUARKUS_PROFILE=prod)");
        }
        return violations;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Shared
    // ---------------------------------------------------------------------------------------------------------------

    /** A setting named like a secret may hold a reference to one (a file path), never the secret itself. */
    private static List<String> noSecretValues(String where, Map<String, String> settings) {
        List<String> violations = new ArrayList<>();
        settings.forEach((name, value) -> {
            boolean secretName = SECRET_NAME.matcher(name).matches() && !NOT_SECRET_NAME.matcher(name).matches();
            boolean reference = value.startsWith("/") || value.startsWith("file:") || value.startsWith("%d/");
            if (secretName && !value.isBlank() && !reference) {
                violations.add(where + ": " + name + " holds a secret value inline; reference a secret (file or secretKeyRef)");
            }
        });
        return violations;
    }

    /** Every image: (and CloudNativePG's imageName:) anywhere in the document names a tag or digest other than latest. */
    private static List<String> pinnedImages(String where, JsonNode node) {
        List<String> violations = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if ((entry.getKey().equals("image") || entry.getKey().equals("imageName")) && entry.getValue().isTextual()) {
                    String image = entry.getValue().asText();
                    String lastSegment = image.substring(image.lastIndexOf('/') + 1);
                    if (!lastSegment.contains(":") && !image.contains("@sha256:")) {
                        violations.add(where + ": image " + image + " has no tag; pin one");
                    } else if (lastSegment.endsWith(":latest")) {
                        violations.add(where + ": image " + image + " is tagged latest; pin a release");
                    }
                } else {
                    violations.addAll(pinnedImages(where, entry.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> violations.addAll(pinnedImages(where, element)));
        }
        return violations;
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }
}
