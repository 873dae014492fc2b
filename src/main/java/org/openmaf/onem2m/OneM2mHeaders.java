package org.openmaf.onem2m;

import org.openmaf.wire.MafNames;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * TS-0009 6.4: every response carries {@code X-M2M-RSC} and {@code X-M2M-RI} (the request's, or one generated here),
 * and echoes {@code X-M2M-RVI}. Responses built without an RSC get the one their HTTP status stands for.
 */
public class OneM2mHeaders {

    /** Echo only what is safe to put back in a header: visible ASCII, bounded length. */
    private static final Pattern SAFE_HEADER_VALUE = Pattern.compile("[\\x21-\\x7E]{1,256}");

    private final RequestIdentifier requestId;

    public OneM2mHeaders(RequestIdentifier requestId) {
        this.requestId = requestId;
    }

    @ServerResponseFilter
    public void addBindingHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle(MafNames.HEADER_RI, requestId.value());
        String releaseVersion = request.getHeaderString(MafNames.HEADER_RVI);
        if (isSafe(releaseVersion)) {
            headers.putSingle(MafNames.HEADER_RVI, releaseVersion);
        }
        if (!headers.containsKey(MafNames.HEADER_RSC)) {
            headers.putSingle(MafNames.HEADER_RSC, rscForStatus(response.getStatus()).code());
        }
    }

    static boolean isSafe(String value) {
        return value != null && SAFE_HEADER_VALUE.matcher(value).matches();
    }

    static String generatedRequestId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "maf-" + HexFormat.of().formatHex(random);
    }

    /** The RSC a plain HTTP status stands for (TS-0009 table 6.3.2-1 read backwards). */
    static Rsc rscForStatus(int status) {
        return switch (status) {
            case 200, 204 -> Rsc.OK;
            case 201 -> Rsc.CREATED;
            case 403 -> Rsc.ORIGINATOR_HAS_NO_PRIVILEGE;
            case 404 -> Rsc.NOT_FOUND;
            case 405 -> Rsc.OPERATION_NOT_ALLOWED;
            case 406 -> Rsc.NOT_ACCEPTABLE;
            case 409 -> Rsc.CONFLICT;
            case 415 -> Rsc.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? Rsc.INTERNAL_SERVER_ERROR : status >= 400 ? Rsc.BAD_REQUEST : Rsc.OK;
        };
    }
}
