package org.openmaf.admin;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Declares, for the OpenAPI document and its UI, how operators authenticate to {@code /admin}: a JWT bearer token
 * whose {@code groups} claim holds {@value AdminRoles#ADMIN} or {@value AdminRoles#AUDITOR}. It adds no resources of
 * its own: every resource the build discovers is served, as without it.
 */
@SecurityScheme(securitySchemeName = AdminApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Admin API token signed by the key named by mp.jwt.verify.publickey.location, issued by"
                + " mp.jwt.verify.issuer; groups claim: maf-admin (read and change) or maf-auditor (read only)."
                + " In dev mode the MAF prints one at start-up.")
public class AdminApi extends Application {

    public static final String BEARER = "bearer";
    public static final String BASE_PATH = "/admin";
}
