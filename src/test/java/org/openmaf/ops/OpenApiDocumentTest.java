package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * openapi/openapi.yaml is the OpenAPI document of the whole service (MAF interface and admin API) that clients code
 * against; it must be exactly what the service serves.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    static final Path SERVED_COPY = Path.of("target", "openapi", "served-openapi.yaml");
    static final String REGENERATE = "./mvnw -B -q package -DskipTests && cp target/openapi/openapi.yaml openapi/openapi.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theCommittedDocumentIsTheOneTheServiceServes() throws Exception {
        String served = MafClients.withoutCertificate().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode servedTree = comparable(new ObjectMapper().readTree(served));
        assertThat(servedTree.at("/paths/~1maf~1mafClientRegs").isMissingNode()).as("MAF interface documented").isFalse();
        assertThat(servedTree.at("/paths/~1admin~1stakeholders").isMissingNode()).as("admin API documented").isFalse();
        assertThat(COMMITTED).as("the committed document; create it with: " + REGENERATE).exists();

        JsonNode committedTree = comparable(YAML.readTree(COMMITTED.toFile()));
        if (!servedTree.equals(committedTree)) {
            Files.createDirectories(SERVED_COPY.getParent());
            YAML.writeValue(SERVED_COPY.toFile(), servedTree);
            fail(COMMITTED + " differs from the document the service serves (written to " + SERVED_COPY
                    + "). If the API change is intended, regenerate it: " + REGENERATE);
        }
    }

    /**
     * The whole document, servers included: they are "/" and a template, the same for every deployment that does not
     * set quarkus.smallrye-openapi.servers (which the tests do not).
     */
    private static JsonNode comparable(JsonNode document) {
        return document;
    }

    /** What a client developer needs from each MAF operation, and what an operator needs from each admin one. */
    @Test
    void everyOperationSaysHowToAuthenticateWhatItAnswersAndWithWhichRsc() throws Exception {
        JsonNode document = YAML.readTree(COMMITTED.toFile());
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(document.toString()).doesNotContain("0.0.0.0");
        assertThat(document.at("/components/securitySchemes/mutualTLS/type").asText()).isEqualTo("mutualTLS");
        assertThat(document.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        document.at("/components/schemas").fieldNames().forEachRemaining(name -> assertThat(name)
                .as("a schema named by people, not after a Java type").doesNotMatch(".*\\d$|^(CreateRequest|UpdateRequest|Response|View|Listing).*"));

        int mafOperations = 0;
        for (var paths = document.get("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (var operations = path.getValue().fields(); operations.hasNext();) {
                var entry = operations.next();
                String operation = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = entry.getValue().get("responses");
                var codes = new java.util.ArrayList<String>();
                responses.fieldNames().forEachRemaining(codes::add);
                assertThat(codes).as(operation).anyMatch(c -> c.startsWith("2")).contains("400");
                if (path.getKey().startsWith("/maf/")) {
                    mafOperations++;
                    assertThat(entry.getValue().at("/security/0").has("mutualTLS")).as(operation + ": mutual TLS").isTrue();
                    assertThat(codes).as(operation).contains("403", "500");
                    responses.fields().forEachRemaining(response -> {
                        String what = operation + " " + response.getKey();
                        assertThat(response.getValue().at("/headers/X-M2M-RSC/$ref").asText()).as(what).isNotEmpty();
                        assertThat(response.getValue().at("/headers/X-M2M-RI/$ref").asText()).as(what).isNotEmpty();
                        assertThat(response.getValue().get("description").asText()).as(what).contains("X-M2M-RSC ");
                        if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                            assertThat(response.getValue().at("/content/application~1json/schema/$ref").asText()).as(what)
                                    .endsWith("/OneM2mError");
                        }
                    });
                    var parameters = new java.util.ArrayList<String>();
                    entry.getValue().get("parameters").forEach(p -> parameters.add(p.path("$ref").asText()));
                    assertThat(parameters).as(operation).contains("#/components/parameters/X-M2M-RI",
                            "#/components/parameters/X-M2M-Origin");
                } else {
                    assertThat(entry.getValue().at("/security/0").has("bearer")).as(operation + ": bearer").isTrue();
                    assertThat(codes).as(operation).contains("401", "403");
                }
            }
        }
        assertThat(mafOperations).isEqualTo(9);
        assertThat(document.at("/paths/~1maf~1symmKeyRegs/post/responses/201/content/application~1json/schema/$ref").asText())
                .endsWith("/SymmKeyRegResponse");
        assertThat(document.at("/paths/~1maf~1mafClientRegs/post/responses/201/headers/Content-Location").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1maf~1symmKeyRegs~1{keyID}/delete/responses/200").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1maf~1symmKeyRegs~1{keyID}/delete/responses/200/content").isMissingNode())
                .as("a de-registration answers without a body").isTrue();
    }
}
