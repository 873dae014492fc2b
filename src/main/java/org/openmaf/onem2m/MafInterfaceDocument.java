package org.openmaf.onem2m;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.openmaf.wire.MafNames;

/**
 * Documents, once for the whole MAF interface ({@code /maf}), what every one of its operations shares, so that the
 * resources state only their own answers: the oneM2M request and response headers (TS-0009 6.4), mutual TLS as the
 * only way in (contract section 1), the answers any request may get (400, 403, 406, 415, 500), and the
 * {@code m2m:dbg} body of every error (contract section 4), on {@code /admin} as well.
 */
public final class MafInterfaceDocument {

    public static final String ERROR_SCHEMA = "OneM2mError";
    public static final String MUTUAL_TLS = "mutualTLS";
    static final String ERROR_MEDIA_TYPE = "application/json";

    private MafInterfaceDocument() {
    }

    /** Adds the shared components, then completes every {@code /maf} operation with them. */
    public static void document(OpenAPI openApi) {
        var components = openApi.getComponents();
        components.addSchema(ERROR_SCHEMA, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("Every error: X-M2M-RSC names the oneM2M Response Status Code, m2m:dbg says what was wrong"
                        + " in words a client developer can act on; never a value sent, key material or internal detail")
                .addRequired(MafNames.DEBUG_ROOT)
                .addProperty(MafNames.DEBUG_ROOT, OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("//my.m2mprovider.org/CAE3 is not among the targets this key was registered for."))));
        components.addSecurityScheme(MUTUAL_TLS, OASFactory.createSecurityScheme().type(SecurityScheme.Type.MUTUALTLS)
                .description("TLS 1.2 or 1.3 with a client certificate that chains to one of maf.tls.trust-anchors, is"
                        + " neither revoked (maf.tls.crls) nor blocked (/admin/blocked-certificates). The MAF client ID is"
                        + " the Absolute CSE-ID or AE-ID in its subjectAltName (URI //SP-ID/id, or dNSName SP-ID/id), or"
                        + " the one an operator bound the certificate to (/admin/certificate-bindings)."));
        components.addHeader(MafNames.HEADER_RSC, header("oneM2M Response Status Code (TS-0004 6.6); the HTTP status follows"
                + " from it (TS-0009 table 6.3.2-1)", Schema.SchemaType.INTEGER, 2001, true));
        components.addHeader(MafNames.HEADER_RI, header("The request's X-M2M-RI, or one the MAF generated when it had none",
                Schema.SchemaType.STRING, "maf-3f1c8d9e0b7a6c5d4e3f2a1b", true));
        components.addHeader(MafNames.HEADER_RVI, header("The request's X-M2M-RVI, echoed when it was sent",
                Schema.SchemaType.STRING, "4", false));
        components.addHeader(ServerFault.RETRY_AFTER, header("Seconds to wait before trying again",
                Schema.SchemaType.INTEGER, ServerFault.RETRY_AFTER_SECONDS, true));
        components.addParameter(MafNames.HEADER_RI, requestHeader(MafNames.HEADER_RI, "Request identifier (TS-0009 6.4.1),"
                + " echoed in the response and written to the audit log; the MAF generates one when it is absent",
                "req-0001"));
        components.addParameter(MafNames.HEADER_ORIGIN, requestHeader(MafNames.HEADER_ORIGIN, "Originator (TS-0009 6.4.1)."
                + " Optional: the client certificate, not this header, is the identity; when sent it must equal the"
                + " MAF client ID the certificate proves, else 403 / 4103", "//my.m2mprovider.org/mn-cse-123456"));
        components.addParameter(MafNames.HEADER_RVI, requestHeader(MafNames.HEADER_RVI, "Release version indicator,"
                + " echoed in the response", "4"));

        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(MafNames.BASE_PATH + "/")) {
                item.getOperations().forEach(MafInterfaceDocument::documentMafOperation);
            }
        });
        openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> giveErrorsTheirBody(path, operation)));
    }

    private static void documentMafOperation(PathItem.HttpMethod method, Operation operation) {
        for (String name : List.of(MafNames.HEADER_RI, MafNames.HEADER_ORIGIN, MafNames.HEADER_RVI)) {
            operation.addParameter(OASFactory.createParameter().ref(name));
        }
        var responses = operation.getResponses();
        // Replaces the bare "Bad Request" Quarkus adds to operations with a body.
        responses.addAPIResponse("400", error("Bad input (X-M2M-RSC 4000 BAD_REQUEST): malformed or oversized (over 64 KiB)"
                + " JSON, a wrong type, an unknown root or attribute, a value out of range, a malformed URL"));
        addUnlessDeclared(responses, "403", error("X-M2M-RSC 4106 ORIGINATOR_NOT_AUTHENTICATED: no client certificate, or one"
                + " that is blocked or names no usable MAF client ID. X-M2M-RSC 4103 ORIGINATOR_HAS_NO_PRIVILEGE: X-M2M-Origin"
                + " differs from the certificate's client ID, or the client may not do this (see the operation)"));
        addUnlessDeclared(responses, "406", error("X-M2M-RSC 5207 NOT_ACCEPTABLE: Accept names no JSON media type"));
        if (operation.getRequestBody() != null) {
            addUnlessDeclared(responses, "415", error("X-M2M-RSC 4015 UNSUPPORTED_MEDIA_TYPE: Content-Type is neither"
                    + " application/json nor " + MafNames.ONEM2M_JSON));
        }
        addUnlessDeclared(responses, "500", error("X-M2M-RSC 5000 INTERNAL_SERVER_ERROR: a fault on the MAF's side (its"
                + " store unavailable or slow); m2m:dbg names its kind, nothing internal; retry after Retry-After seconds")
                .addHeader(ServerFault.RETRY_AFTER, headerRef(ServerFault.RETRY_AFTER)));
        // In code order, so that a reader (and Swagger UI) finds the success first and the errors after it.
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
        responses.getAPIResponses().values().forEach(response -> {
            if (saysNothing(response.getContent())) {
                // A de-registration answers without a body; the media types of @Produces do not make one.
                response.setContent(null);
            }
            response.addHeader(MafNames.HEADER_RSC, headerRef(MafNames.HEADER_RSC));
            response.addHeader(MafNames.HEADER_RI, headerRef(MafNames.HEADER_RI));
            response.addHeader(MafNames.HEADER_RVI, headerRef(MafNames.HEADER_RVI));
        });
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(MUTUAL_TLS));
    }

    /**
     * Contract section 4: every error carries {@code m2m:dbg}, except the 401 and 403 that the security layer sends
     * for {@code /admin} before any MAF code runs.
     */
    private static void giveErrorsTheirBody(String path, Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            boolean isError = entry.getKey().startsWith("4") || entry.getKey().startsWith("5");
            boolean fromSecurityLayer = !path.startsWith(MafNames.BASE_PATH + "/")
                    && (entry.getKey().equals("401") || entry.getKey().equals("403"));
            if (isError && !fromSecurityLayer && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.content(errorContent());
            }
        }
    }

    private static boolean saysNothing(Content content) {
        return content != null && content.getMediaTypes().values().stream()
                .allMatch(media -> media.getSchema() == null || media.getSchema().getAll().isEmpty());
    }

    /** The operation's own description of an answer (its annotations) wins over the shared one. */
    private static void addUnlessDeclared(APIResponses responses, String code, APIResponse shared) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, shared);
        }
    }

    static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description).content(errorContent());
    }

    private static Content errorContent() {
        return OASFactory.createContent().addMediaType(ERROR_MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
    }

    private static Header header(String description, Schema.SchemaType type, Object example, boolean always) {
        return OASFactory.createHeader().description(description).required(always)
                .schema(OASFactory.createSchema().type(List.of(type)).examples(List.of(example)));
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref(name);
    }

    private static Parameter requestHeader(String name, String description, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false).description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).examples(List.of(example)));
    }
}
