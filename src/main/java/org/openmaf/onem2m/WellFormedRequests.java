package org.openmaf.onem2m;

import org.openmaf.wire.MafNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Contract section 6, "an answer for everything": what the HTTP router would otherwise refuse with a bare status and a
 * logged stack (a malformed percent-encoding, a path with NUL in it) is answered here, before any route decodes the
 * path, with 400 / 4000 and an {@code m2m:dbg} body; and whatever fails inside the router on {@code /maf} gets a oneM2M
 * answer instead of the framework's error page. Checking the request line once, here, also keeps control characters
 * out of every query, log line and audit record behind it.
 * <p>
 * Limits: the request target at most {@value #MAX_URI} characters and the header block at most {@value #MAX_HEADERS}
 * bytes. The HTTP codec's own limits ({@code quarkus.http.limits.*}) are set well above these, so a request that breaks
 * them is answered here; only what exceeds the codec's limits, or is not HTTP at all, gets the codec's bare answer.
 */
public class WellFormedRequests {

    private static final Logger LOG = Logger.getLogger(WellFormedRequests.class);

    public static final int MAX_URI = 8192;
    public static final int MAX_HEADERS = 16 * 1024;
    /** Before every other route, so that no route has decoded the path yet. */
    static final int ORDER = Integer.MIN_VALUE;

    @Inject
    Refusals refusals;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check).failureHandler(this::answerFailure);
    }

    void check(RoutingContext context) {
        String problem = problemWith(context.request());
        if (problem == null) {
            context.next();
            return;
        }
        refusals.counted(Refusals.MALFORMED_REQUEST);
        end(context, Rsc.BAD_REQUEST, problem);
    }

    /**
     * A failure inside the router: a client fault the router found (no Host header, a body the upload limit cut) is a
     * oneM2M error on every path, answered here without a log line; on {@code /maf}, a server-side fault is a clean
     * 5000 with one log line. Never a stack, never the framework's error page. 401 and 403 stay the security layer's.
     */
    void answerFailure(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        int status = context.statusCode();
        if (status >= 400 && status < 500 && status != 401 && status != 403) {
            refusals.counted(status == 413 ? Refusals.BODY_TOO_LARGE : Refusals.MALFORMED_REQUEST);
            end(context, status == 413 ? Rsc.BAD_REQUEST : OneM2mHeaders.rscForStatus(status),
                    status == 413 ? BodyLimit.TOO_LARGE_MESSAGE : clientFault(context));
            return;
        }
        String path = context.request().path(); // raw: this request may never have passed check()
        if ((status < 0 || status >= 500) && path != null && isMafPath(path)) {
            Throwable failure = context.failure();
            LOG.errorf("Request failed in the HTTP layer: %s", failure == null ? "status " + status
                    : failure.getClass().getName());
            end(context, Rsc.INTERNAL_SERVER_ERROR, "The MAF failed to process the request; retry later.");
            return;
        }
        context.next();
    }

    private static String clientFault(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.HOST) == null) {
            return "The request has no Host header, which HTTP/1.1 requires.";
        }
        return "The request cannot be processed (HTTP " + context.statusCode() + ").";
    }

    static String problemWith(HttpServerRequest request) {
        String uri = request.uri();
        if (uri.length() > MAX_URI) {
            return "The request URI is longer than the " + MAX_URI + " characters the MAF accepts.";
        }
        if (headerBytes(request) > MAX_HEADERS) {
            return "The request headers are larger than the " + MAX_HEADERS / 1024 + " KiB the MAF accepts.";
        }
        int query = uri.indexOf('?');
        String rawPath = request.path();
        String rawQuery = query < 0 ? "" : uri.substring(query + 1);
        String path = decoded(rawPath == null ? "" : rawPath, false);
        if (path == null) {
            return "The request path has a malformed percent-encoding: each '%' must be followed by two hex digits.";
        }
        if (hasControlCharacter(path)) {
            return "The request path contains a control character (such as NUL), which no MAF resource name has.";
        }
        if (rawPath != null && rawPath.indexOf(';') >= 0) {
            // Matrix parameters: no resource takes them, and JAX-RS would decode the path a second time to strip them.
            return "The request path contains ';' (matrix parameters), which no MAF resource takes.";
        }
        String decodedQuery = decoded(rawQuery, true);
        if (decodedQuery == null) {
            return "The query string has a malformed percent-encoding: each '%' must be followed by two hex digits.";
        }
        if (hasControlCharacter(decodedQuery)) {
            return "The query string contains a control character (such as NUL), which no parameter value may have.";
        }
        try {
            new URI(uri); // what Quarkus would check (see UriValidationHandover), so nothing behind gets less
        } catch (URISyntaxException malformed) {
            return "The request URI is not a valid URI (RFC 3986): the character at position " + malformed.getIndex()
                    + " must be percent-encoded.";
        }
        return null;
    }

    /** Percent-decoded as UTF-8 (malformed sequences become U+FFFD, as the router reads them); null if malformed. */
    static String decoded(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0) {
            return plusIsSpace ? raw.replace('+', ' ') : raw;
        }
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes[length++] = (byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes[length++] = (byte) (plusIsSpace && c == '+' ? ' ' : c);
            } else {
                return raw; // the codec only lets ASCII through in a request line; be safe anyway
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    static boolean isMafPath(String path) {
        return path.equals(MafNames.BASE_PATH) || path.startsWith(MafNames.BASE_PATH + "/");
    }

    /** A oneM2M error answer from the HTTP layer, where JAX-RS and its filters never ran. */
    static void end(RoutingContext context, Rsc rsc, String message) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            response.close();
            return;
        }
        if (!context.request().isEnded()) {
            context.request().resume(); // Quarkus paused it; read and drop the body so the connection stays in step
        }
        String requestId = context.request().getHeader(MafNames.HEADER_RI);
        response.setStatusCode(rsc.httpStatus())
                .putHeader(MafNames.HEADER_RSC, String.valueOf(rsc.code()))
                .putHeader(MafNames.HEADER_RI, OneM2mHeaders.isSafe(requestId) ? requestId : OneM2mHeaders.generatedRequestId())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        String releaseVersion = context.request().getHeader(MafNames.HEADER_RVI);
        if (OneM2mHeaders.isSafe(releaseVersion)) {
            response.putHeader(MafNames.HEADER_RVI, releaseVersion);
        }
        response.end(new JsonObject().put(MafNames.DEBUG_ROOT, message).encode());
    }
}
