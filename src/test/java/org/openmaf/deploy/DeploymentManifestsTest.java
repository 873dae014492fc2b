package org.openmaf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The manifests under deploy/ keep the rules of DeploymentRules (issue 11, contract section 9), and the rules catch a
 * manifest that breaks them: each shipped file is clean, each bad one below is refused for the reason it is bad.
 */
class DeploymentManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    private static final Path COMPOSE = DEPLOY.resolve("compose/compose.yaml");
    private static final Path UNIT = DEPLOY.resolve("systemd/maf.service");
    private static final Path ENVIRONMENT_FILE = DEPLOY.resolve("systemd/maf.env");

    @Test
    void everyYamlFileUnderDeployIsAKubernetesManifestOrTheComposeFileAndParses() throws IOException {
        List<Path> yaml = yamlFiles(DEPLOY);
        assertThat(yaml).contains(COMPOSE);
        for (Path file : yaml) {
            assertThat(file.startsWith(KUBERNETES) || file.equals(COMPOSE))
                    .as("%s is checked by no test; put it under kubernetes/ or check it here", file).isTrue();
            assertThat(DeploymentRules.documents(Files.readString(file))).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void kubernetesManifestsKeepTheRules() throws IOException {
        List<JsonNode> documents = kubernetesDocuments();
        assertThat(DeploymentRules.kubernetes(documents)).isEmpty();
        // Complete as well as clean: deleting a manifest must not make the rules pass vacuously.
        assertThat(documents).extracting(document -> document.path("kind").asText())
                .contains("Deployment", "PodDisruptionBudget", "Service", "Cluster", "ConfigMap");
        assertThat(documents).filteredOn(document -> document.path("kind").asText().equals("Service"))
                .extracting(service -> service.path("spec").path("type").asText()).contains("LoadBalancer");
        JsonNode deployment = documents.stream().filter(document -> document.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode maf = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(maf.path("image").asText()).isEqualTo("openmaf/maf:0.1.0");
        assertThat(maf.path("env")).extracting(env -> env.path("valueFrom").path("secretKeyRef").path("name").asText())
                .contains("maf-kek", "maf-db-app");
        assertThat(deployment.path("spec").path("template").path("spec").path("volumes"))
                .extracting(volume -> volume.path("secret").path("secretName").asText())
                .contains("maf-server-tls", "maf-trust-anchors");
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = DeploymentRules.documents(Files.readString(KUBERNETES.resolve("kustomization.yaml"))).getFirst();
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
        List<String> manifests = yamlFiles(KUBERNETES).stream().map(file -> file.getFileName().toString())
                .filter(name -> !name.equals("kustomization.yaml")).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
    }

    @Test
    void composeFileKeepsTheRules() throws IOException {
        JsonNode compose = DeploymentRules.documents(Files.readString(COMPOSE)).getFirst();
        assertThat(DeploymentRules.compose(compose)).isEmpty();
        assertThat(compose.path("services").path("maf").path("ports")).extracting(JsonNode::asText).containsExactly("8443:8443", "8444:8444");
        assertThat(compose.path("services").path("maf").path("secrets")).isNotEmpty();
        compose.path("secrets").forEach(secret -> assertThat(secret.has("file")).as(secret.toString()).isTrue());
    }

    @Test
    void systemdUnitAndEnvironmentFileKeepTheRules() throws IOException {
        assertThat(DeploymentRules.systemdUnit(Files.readString(UNIT))).isEmpty();
        assertThat(DeploymentRules.environmentFile(Files.readString(ENVIRONMENT_FILE))).isEmpty();
    }

    @Test
    void imageIsNonRootProductionFromTheFastJarOnAPinnedBase() throws IOException {
        assertThat(DeploymentRules.dockerfile(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")))).isEmpty();
        assertThat(DeploymentRules.dockerfile("""
                FROM eclipse-temurin:latest
                COPY target/app.jar /app.jar
                USER 0
                ENTRYPOINT ["java", "-jar", "/app.jar"]
                """)).containsExactlyInAnyOrder("base image eclipse-temurin:latest is not pinned to a release",
                "runs as root; the last USER must name another user", "does not copy the packaged application target/quarkus-app/",
                "does not set the production profile (QUARKUS_PROFILE=prod)");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The rules catch what they are for
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aBadDeploymentIsRefusedForEachOfItsFaults() {
        List<String> violations = DeploymentRules.kubernetes(DeploymentRules.documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: maf}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: maf
                          image: openmaf/maf:latest
                          ports: [{name: https, containerPort: 8443}]
                          env:
                            - {name: MAF_CRYPTO_KEK, value: "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80="}
                            - {name: QUARKUS_DATASOURCE_PASSWORD, value: hunter2}
                          readinessProbe: {httpGet: {path: /q/health/ready, port: https}}
                          startupProbe: {httpGet: {path: /q/health/started, port: 8443}}
                """));
        assertThat(violations).anyMatch(v -> v.contains("replicas must be at least 2"))
                .anyMatch(v -> v.contains("latest"))
                .anyMatch(v -> v.contains("MAF_CRYPTO_KEK holds a secret value inline"))
                .anyMatch(v -> v.contains("QUARKUS_DATASOURCE_PASSWORD holds a secret value inline"))
                .anyMatch(v -> v.contains("readinessProbe on port https, not the management port"))
                .anyMatch(v -> v.contains("no livenessProbe"))
                .anyMatch(v -> v.contains("startupProbe on port 8443"))
                .hasSize(7);
    }

    @Test
    void tlsTerminatingFrontsSecretsWithDataUntaggedImagesAndAsynchronousDatabasesAreRefused() {
        List<String> violations = DeploymentRules.kubernetes(DeploymentRules.documents("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: maf}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: maf}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: edge}
                spec:
                  listeners:
                    - {name: tls, protocol: TLS, port: 8443, tls: {mode: Terminate}}
                    - {name: passthrough, protocol: TLS, port: 8444, tls: {mode: Passthrough}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: maf-kek}
                stringData: {kek: q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=, placeholder: "<base64 of 32 random bytes>"}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: maf}
                spec:
                  type: LoadBalancer
                  ports: [{port: 9000, targetPort: management}]
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: maf-db}
                spec: {instances: 3, imageName: ghcr.io/cloudnative-pg/postgresql}
                """));
        assertThat(violations).anyMatch(v -> v.startsWith("Ingress maf"))
                .anyMatch(v -> v.startsWith("HTTPRoute maf"))
                .anyMatch(v -> v.contains("listener tls terminates TLS"))
                .anyMatch(v -> v.contains("stringData.kek holds a value"))
                .anyMatch(v -> v.contains("exposes the management port"))
                .anyMatch(v -> v.contains("ghcr.io/cloudnative-pg/postgresql has no tag"))
                .anyMatch(v -> v.contains("no synchronous replica"))
                .hasSize(7);
    }

    @Test
    void aComposeFileWithInlineSecretsOrAPublishedManagementPortIsRefused() {
        JsonNode compose = DeploymentRules.documents("""
                services:
                  db:
                    image: postgres
                    environment: [POSTGRES_PASSWORD=hunter2]
                  maf:
                    image: openmaf/maf:0.1.0
                    ports: ["8443:8443", "9000:9000"]
                    environment: {MAF_CRYPTO_KEK: q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=, MAF_CRYPTO_KEK_ID: k1}
                """).getFirst();
        assertThat(DeploymentRules.compose(compose)).anyMatch(v -> v.contains("image postgres has no tag"))
                .anyMatch(v -> v.contains("POSTGRES_PASSWORD holds a secret value inline"))
                .anyMatch(v -> v.contains("MAF_CRYPTO_KEK holds a secret value inline"))
                .anyMatch(v -> v.contains("publishes the management port"))
                .hasSize(4);
    }

    @Test
    void aSystemdUnitWithCredentialsOnItsCommandLineIsRefused() {
        assertThat(DeploymentRules.systemdUnit("""
                [Service]
                Environment=QUARKUS_DATASOURCE_PASSWORD=hunter2
                ExecStart=/usr/bin/java -Dmaf.crypto.kek=q83vEjRWeJq83vEjRWeJq80= -jar /opt/maf/quarkus-app/quarkus-run.jar
                """)).anyMatch(v -> v.startsWith("ExecStart names a credential (kek)"))
                .anyMatch(v -> v.contains("QUARKUS_DATASOURCE_PASSWORD holds a secret value inline"))
                .anyMatch(v -> v.startsWith("runs as root"))
                .anyMatch(v -> v.startsWith("NoNewPrivileges=yes missing"))
                .anyMatch(v -> v.startsWith("ProtectSystem=strict missing"))
                .anyMatch(v -> v.startsWith("no LoadCredential="))
                .hasSize(6);
        assertThat(DeploymentRules.environmentFile("MAF_FQDN=maf.example.org\nMAF_CRYPTO_KEK=q83vEjRWeJq80=\n"))
                .singleElement().asString().contains("MAF_CRYPTO_KEK");
    }

    private static List<JsonNode> kubernetesDocuments() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : yamlFiles(KUBERNETES)) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                documents.addAll(DeploymentRules.documents(Files.readString(file)));
            }
        }
        return documents;
    }

    private static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")).sorted().toList();
        }
    }
}
