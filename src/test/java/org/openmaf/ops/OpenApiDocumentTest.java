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
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Without what legitimately differs between deployments: the server addresses. */
    private static JsonNode comparable(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return document;
    }
}
