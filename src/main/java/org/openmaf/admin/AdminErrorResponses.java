package org.openmaf.admin;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, once for every admin operation, the answers it can give besides its own: a 400 for bad input (with the
 * oneM2M error body every MAF error has), 401 without a valid token, 403 without the role (those two come from the
 * security layer, without a body). Operation-specific errors (404, 409) stay on the operations.
 */
public class AdminErrorResponses implements OASFilter {

    static final String ERROR_SCHEMA = "OneM2mError";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        openApi.getComponents().addSchema(ERROR_SCHEMA, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("Every error: X-M2M-RSC names the oneM2M Response Status Code, m2m:dbg says what was wrong")
                .addProperty("m2m:dbg", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("'maxKeyLifetime' must be an ISO 8601 duration, e.g. P7D or PT12H."))));
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(AdminApi.BASE_PATH + "/")) {
                item.getOperations().values().forEach(AdminErrorResponses::addCommonErrors);
            }
        });
    }

    private static void addCommonErrors(Operation operation) {
        // Replaces the bare "Bad Request" Quarkus adds to operations with a body.
        operation.getResponses().addAPIResponse("400",
                error("Bad input: a parameter or the body is malformed (X-M2M-RSC 4000)", true));
        operation.getResponses().addAPIResponse("401",
                error("No bearer token, or one that is expired, badly signed or from another issuer", false));
        operation.getResponses().addAPIResponse("403",
                error("The token lacks the role: changes need maf-admin, reads maf-admin or maf-auditor", false));
    }

    private static APIResponse error(String description, boolean withBody) {
        APIResponse response = OASFactory.createAPIResponse().description(description);
        if (withBody) {
            response.content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(ERROR_SCHEMA))));
        }
        return response;
    }
}
