package org.openmaf.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log: every MAF procedure (success or refusal), every admin change, every purge. */
@Path(AdminApi.BASE_PATH + "/audit-records")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: audit log", description = "Who did what, when, with which outcome. Never key material.")
public class AuditLogResource {

    @Inject
    AuditLog log;

    @GET
    @RolesAllowed({ AdminRoles.ADMIN, AdminRoles.AUDITOR })
    @Operation(summary = "Query the audit log", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page of audit records")
    public Listing<AuditLog.View> query(
            @Parameter(description = "MAF client ID, admin token subject or system job", example = "//my.m2mprovider.org/mn-cse-123456")
            @QueryParam("actor") String actor,
            @Parameter(description = "Procedure name, e.g. KEY_RETRIEVAL or ADMIN_STAKEHOLDER_CREATE", example = "KEY_RETRIEVAL")
            @QueryParam("procedure") String procedure,
            @Parameter(description = "From this time on (m2m:timestamp, or ISO 8601 with offset)", example = "20261122T000000")
            @QueryParam("from") String from,
            @Parameter(description = "Before this time (exclusive)", example = "20261123T000000") @QueryParam("to") String to,
            @Parameter(description = "success (RSC 2xxx), refusal (any other RSC), or one RSC such as 4103", example = "refusal")
            @QueryParam("result") String result,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Entries per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        return log.query(AuditLog.Query.of(actor, procedure, from, to, result), Paging.of(page, size));
    }
}
