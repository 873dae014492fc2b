package org.openmaf.admin;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Documents, once for every admin operation, the answers it can give besides its own: a 400 for bad input (with the
 * oneM2M error body every MAF error has), 401 without a valid token, 403 without the role (those two come from the
 * security layer, without a body). Operation-specific errors (404, 409) stay on the operations.
 */
final class AdminErrorResponses {

    private AdminErrorResponses() {
    }

    static void document(OpenAPI openApi) {
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(AdminApi.BASE_PATH + "/")) {
                item.getOperations().values().forEach(AdminErrorResponses::addCommonErrors);
            }
        });
    }

    private static void addCommonErrors(Operation operation) {
        // Replaces the bare "Bad Request" Quarkus adds to operations with a body; the body itself comes from
        // MafInterfaceDocument, like every error's.
        operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse()
                .description("Bad input: a parameter or the body is malformed (X-M2M-RSC 4000)"));
        operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                .description("No bearer token, or one that is expired, badly signed or from another issuer"));
        operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse()
                .description("The token lacks the role: changes need maf-admin, reads maf-admin or maf-auditor"));
    }
}
